package io.s2l.analysis.imports;

/**
 * Adds the optional raw answer score columns to an import CSV (unquoted fields, with {@code
 * evalSet}, {@code loss} and {@code correct} columns): on rows of the multiple-choice set {@code
 * quiz}, two choices of 4 bytes and 3 tokens each, the correct one (label 1) with log-likelihood
 * {@code -3 loss}, the other with {@code -3 * 2.75}: the model chooses right exactly when the loss
 * is below 2.75. Other rows leave the columns empty.
 */
public final class AnswerScoreColumns {

  private AnswerScoreColumns() {}

  public static String add(String csv) {
    String[] lines = csv.split("\n");
    java.util.List<String> header = java.util.List.of(lines[0].split(","));
    int set = header.indexOf("evalSet");
    int loss = header.indexOf("loss");
    StringBuilder out =
        new StringBuilder(lines[0])
            .append(",answerLogprobs,answerLabel,answerBytes,answerTokens\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      out.append(lines[i]);
      if (f[set].equals("quiz")) {
        double right = -3 * Double.parseDouble(f[loss]);
        double other = -3 * 2.75;
        out.append(',').append(other).append(';').append(right).append(",1,4;4,3;3");
      } else {
        out.append(",,,,");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
