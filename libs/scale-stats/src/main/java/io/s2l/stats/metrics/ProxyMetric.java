package io.s2l.stats.metrics;

/**
 * The proxy metrics DataDecide compares (Magnusson et al. 2025; docs/science.md section 2.12), each
 * the mean over a set's examples of a per-example value computed by {@link ProxyMetrics}.
 */
public enum ProxyMetric {
  /** Answer-only loss: {@code -lp_y / tokens_y}, nats per token; lower is better. */
  LOSS("loss", false, false),
  /** Bits per byte: {@code -lp_y / (bytes_y ln 2)}; lower is better. */
  BITS_PER_BYTE("bitsPerByte", false, false),
  /** Correct-answer probability: {@code exp(lp_y)}. */
  CORRECT_PROB("correctProb", true, false),
  /** Normalised correct-answer probability: {@code exp(lp_y) / sum_c exp(lp_c)}. */
  NORM_CORRECT_PROB("normCorrectProb", true, true),
  /** Probability margin: {@code exp(lp_y) - max_{c != y} exp(lp_c)}. */
  MARGIN("margin", true, true),
  /** Accuracy: 1 when {@code lp_y} is strictly the highest, else 0. */
  ACCURACY("accuracy", true, true);

  private final String key;
  private final boolean higherIsBetter;
  private final boolean needsChoices;

  ProxyMetric(String key, boolean higherIsBetter, boolean needsChoices) {
    this.key = key;
    this.higherIsBetter = higherIsBetter;
    this.needsChoices = needsChoices;
  }

  /** The metric's name in results and documents. */
  public String key() {
    return key;
  }

  /** Whether a larger value means a better model. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** Whether the metric is defined only for multiple-choice sets (it compares the choices). */
  public boolean needsChoices() {
    return needsChoices;
  }
}
