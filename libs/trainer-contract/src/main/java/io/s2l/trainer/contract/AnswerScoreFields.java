package io.s2l.trainer.contract;

import java.util.List;

/**
 * The optional raw answer scores of a {@code losses.csv} row on an {@code answer} or {@code choice}
 * set (docs/trainer-contract.md; the proxy metrics of docs/science.md section 2.12): each scored
 * continuation's summed log-likelihood, its bytes and tokens ({@code ;}-separated lists), and the
 * index of the correct one.
 */
final class AnswerScoreFields {

  static final List<String> COLUMNS =
      List.of("answerLogprobs", "answerLabel", "answerBytes", "answerTokens");

  /** Most continuations (choices) one example may have. */
  static final int MAX_CONTINUATIONS = 64;

  private AnswerScoreFields() {}

  /**
   * @param values the row's values of {@link #COLUMNS}, in that order
   * @return the scores, or null when every value is empty
   */
  static SetLosses.Answer read(String where, String[] values) throws ContractViolation {
    boolean any = false;
    boolean all = true;
    for (String v : values) {
      boolean empty = v == null || v.isEmpty();
      any |= !empty;
      all &= !empty;
    }
    if (!any) {
      return null;
    }
    if (!all) {
      throw new ContractViolation(
          where + "gives some of " + String.join(",", COLUMNS) + ", not all");
    }
    String[] lp = values[0].split(";", -1);
    String[] bytes = values[2].split(";", -1);
    String[] tokens = values[3].split(";", -1);
    if (lp.length > MAX_CONTINUATIONS || bytes.length != lp.length || tokens.length != lp.length) {
      throw new ContractViolation(
          where
              + "answerLogprobs, answerBytes and answerTokens must list the same number of"
              + " continuations, at most "
              + MAX_CONTINUATIONS);
    }
    double[] logprobs = new double[lp.length];
    int[] b = new int[lp.length];
    int[] t = new int[lp.length];
    for (int c = 0; c < lp.length; c++) {
      logprobs[c] = CsvValues.number(where, "answerLogprobs", lp[c].trim());
      b[c] = clamped(CsvValues.whole(where, "answerBytes", bytes[c].trim()));
      t[c] = clamped(CsvValues.whole(where, "answerTokens", tokens[c].trim()));
      if (!(logprobs[c] <= 0 && Double.isFinite(logprobs[c])) || b[c] < 1 || t[c] < 1) {
        throw new ContractViolation(
            where
                + "continuation "
                + c
                + " needs a finite log-likelihood <= 0 and at least 1 byte and 1 token");
      }
    }
    long label = CsvValues.whole(where, "answerLabel", values[1]);
    if (label < 0 || label >= lp.length) {
      throw new ContractViolation(
          where + "answerLabel " + label + " is not in [0, " + (lp.length - 1) + "]");
    }
    return new SetLosses.Answer(logprobs, (int) label, b, t);
  }

  /** A length as an int: anything below 0 is 0 and anything past the int range is its maximum. */
  private static int clamped(long value) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
  }
}
