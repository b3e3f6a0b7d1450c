package io.s2l.lm.data;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws training windows from a mixture of domains: each sequence picks its domain with probability
 * equal to the domain's weight, then a uniformly random window of {@code length} bytes in that
 * domain's text. Seeded: the same seed gives the same batches.
 */
public final class MixtureSampler {

  private final List<DomainText> domains;
  private final double[] cumulative;
  private final int length;
  private final SplittableRandom random;

  /**
   * @param texts every domain's text, by name
   * @param weights the mixture; domains with weight 0 are never drawn
   * @param length bytes per window (context + 1, for the shifted targets)
   */
  public MixtureSampler(
      Map<String, DomainText> texts, Map<String, Double> weights, int length, long seed) {
    List<Map.Entry<String, Double>> positive =
        weights.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.comparingByKey())
            .toList();
    if (positive.isEmpty()) {
      throw new IllegalArgumentException("the mixture has no domain with positive weight");
    }
    this.domains = positive.stream().map(e -> require(texts, e.getKey(), length)).toList();
    this.cumulative = new double[positive.size()];
    double sum = positive.stream().mapToDouble(Map.Entry::getValue).sum();
    double running = 0;
    for (int i = 0; i < cumulative.length; i++) {
      running += positive.get(i).getValue() / sum;
      cumulative[i] = running;
    }
    cumulative[cumulative.length - 1] = 1.0;
    this.length = length;
    this.random = new SplittableRandom(seed);
  }

  private static DomainText require(Map<String, DomainText> texts, String domain, int length) {
    DomainText text = texts.get(domain);
    if (text == null) {
      throw new IllegalArgumentException("no text for domain '" + domain + "'");
    }
    if (text.bytes().length <= length) {
      throw new IllegalArgumentException("domain '" + domain + "' is shorter than one window");
    }
    return text;
  }

  /** Fills {@code batch} windows, row-major, as token ids 0..255. */
  public long[] nextBatch(int batch) {
    long[] tokens = new long[batch * length];
    for (int row = 0; row < batch; row++) {
      byte[] text = domains.get(pickDomain()).bytes();
      int start = random.nextInt(text.length - length + 1);
      for (int i = 0; i < length; i++) {
        tokens[row * length + i] = text[start + i] & 0xFF;
      }
    }
    return tokens;
  }

  private int pickDomain() {
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }
}
