package io.s2l.lm.eval;

/**
 * A byte sequence and the part of it that is scored: the loss counts the predictions of bytes at
 * index {@code scoreFrom} and after (a loss mask). Whole-text examples score from byte 1 (byte 0
 * has no context); question and cloze examples score the answer only.
 */
public record ScoredSequence(byte[] bytes, int scoreFrom) {

  public ScoredSequence {
    if (bytes.length < 2) {
      throw new IllegalArgumentException("a scored sequence needs at least two bytes");
    }
    if (scoreFrom < 1 || scoreFrom >= bytes.length) {
      throw new IllegalArgumentException(
          "scoreFrom must be in [1, " + (bytes.length - 1) + "], not " + scoreFrom);
    }
  }

  /** Bytes scored. */
  public int scoredBytes() {
    return bytes.length - scoreFrom;
  }
}
