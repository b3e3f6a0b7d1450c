package io.s2l.analysis.imports;

import io.s2l.stats.metrics.AnswerScores;
import java.util.List;

/**
 * The optional raw answer scores of an import row, from which the proxy metrics of docs/science.md
 * section 2.12 are computed: {@code answerLogprobs} (each scored continuation's summed
 * log-likelihood in nats, {@code ;}-separated: the answer alone, or every choice), {@code
 * answerLabel} (0-based index of the correct one), {@code answerBytes} and {@code answerTokens}
 * (each continuation's length, {@code ;}-separated). All four or none.
 */
final class AnswerColumns {

  static final List<String> NAMES =
      List.of("answerLogprobs", "answerLabel", "answerBytes", "answerTokens");

  /** One example's scores, checked. */
  record Row(double[] logprobs, int label, int[] bytes, int[] tokens) {}

  private AnswerColumns() {}

  /**
   * @param fields the four columns in {@link #NAMES} order, each null or blank where absent; or
   *     null when the table has none of them
   * @return the row's scores, or null when none are given or they are invalid (then an error is
   *     recorded)
   */
  static Row parse(LossTableBuilder table, long row, String[] fields) {
    if (fields == null || allBlank(fields)) {
      return null;
    }
    for (int i = 0; i < NAMES.size(); i++) {
      if (fields[i] == null || fields[i].isBlank()) {
        table.error(row, NAMES.get(i), "is required where any answer score column is given");
        return null;
      }
    }
    String[] logprobs = fields[0].split(";", -1);
    String[] bytes = fields[2].split(";", -1);
    String[] tokens = fields[3].split(";", -1);
    if (bytes.length != logprobs.length || tokens.length != logprobs.length) {
      table.error(
          row,
          "answerBytes",
          "answerLogprobs, answerBytes and answerTokens need one value per continuation, got "
              + logprobs.length
              + ", "
              + bytes.length
              + " and "
              + tokens.length);
      return null;
    }
    if (logprobs.length > 64) {
      table.error(row, "answerLogprobs", "more than 64 continuations");
      return null;
    }
    double[] lp = new double[logprobs.length];
    int[] b = new int[logprobs.length];
    int[] t = new int[logprobs.length];
    try {
      for (int c = 0; c < lp.length; c++) {
        lp[c] = Double.parseDouble(logprobs[c].trim());
        b[c] = Integer.parseInt(bytes[c].trim());
        t[c] = Integer.parseInt(tokens[c].trim());
        if (!Double.isFinite(lp[c]) || lp[c] > 0 || b[c] < 1 || t[c] < 1) {
          table.error(
              row,
              "answerLogprobs",
              "continuation "
                  + c
                  + ": a log-likelihood must be finite and <= 0, bytes and tokens at least 1");
          return null;
        }
      }
      int label = Integer.parseInt(fields[1].trim());
      if (label < 0 || label >= lp.length) {
        table.error(row, "answerLabel", "must be in [0, " + (lp.length - 1) + "]: " + label);
        return null;
      }
      return new Row(lp, label, b, t);
    } catch (NumberFormatException e) {
      table.error(row, "answerLogprobs", "not a number list: " + e.getMessage());
      return null;
    }
  }

  /** The examples' scores in example order as one {@link AnswerScores}. */
  static AnswerScores flatten(Row[] rows, int examples) {
    int total = 0;
    for (int i = 0; i < examples; i++) {
      total += rows[i].logprobs().length;
    }
    double[] lp = new double[total];
    int[] choices = new int[examples];
    int[] labels = new int[examples];
    int[] bytes = new int[total];
    int[] tokens = new int[total];
    int at = 0;
    for (int i = 0; i < examples; i++) {
      Row r = rows[i];
      int n = r.logprobs().length;
      System.arraycopy(r.logprobs(), 0, lp, at, n);
      System.arraycopy(r.bytes(), 0, bytes, at, n);
      System.arraycopy(r.tokens(), 0, tokens, at, n);
      choices[i] = n;
      labels[i] = r.label();
      at += n;
    }
    return new AnswerScores(lp, choices, labels, bytes, tokens);
  }

  private static boolean allBlank(String[] fields) {
    for (String f : fields) {
      if (f != null && !f.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
