package io.s2l.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Generates training mixtures over a list of domains. Pure and seeded: same input, same output. */
public final class MixtureGenerator {

  private MixtureGenerator() {}

  /**
   * Draws {@code count} mixtures from a symmetric Dirichlet(alpha): each weight vector is a vector
   * of independent Gamma(alpha, 1) draws divided by its sum.
   */
  public static List<MixtureSpec> dirichlet(
      List<String> domains, int count, double alpha, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<MixtureSpec> mixtures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] draws = new double[domains.size()];
      double sum = 0;
      for (int d = 0; d < draws.length; d++) {
        draws[d] = gamma(alpha, random);
        sum += draws[d];
      }
      Map<String, Double> weights = new LinkedHashMap<>();
      for (int d = 0; d < draws.length; d++) {
        weights.put(domains.get(d), draws[d] / sum);
      }
      mixtures.add(new MixtureSpec("dirichlet-" + i, weights));
    }
    return mixtures;
  }

  /**
   * {@code count} subsets of the pool, each of {@code round(fraction x pool size)} distinct ids
   * drawn uniformly without replacement (a seeded partial Fisher-Yates shuffle), listed in pool
   * order.
   */
  public static List<MixtureSpec> randomSubsets(
      List<String> pool, int count, double fraction, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = (int) Math.max(1, Math.round(fraction * pool.size()));
    List<MixtureSpec> subsets = new ArrayList<>(count);
    int[] order = new int[pool.size()];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < order.length; j++) {
        order[j] = j;
      }
      for (int j = 0; j < size; j++) {
        int k = j + random.nextInt(order.length - j);
        int t = order[j];
        order[j] = order[k];
        order[k] = t;
      }
      int[] chosen = java.util.Arrays.copyOf(order, size);
      java.util.Arrays.sort(chosen);
      List<String> ids = new ArrayList<>(size);
      for (int index : chosen) {
        ids.add(pool.get(index));
      }
      subsets.add(new MixtureSpec("subset-" + i, null, List.copyOf(ids)));
    }
    return subsets;
  }

  /** One mixture per domain, uniform over all other domains. */
  public static List<MixtureSpec> leaveOneOut(List<String> domains) {
    List<MixtureSpec> mixtures = new ArrayList<>(domains.size());
    for (String left : domains) {
      Map<String, Double> weights = new LinkedHashMap<>();
      for (String d : domains) {
        weights.put(d, d.equals(left) ? 0.0 : 1.0 / (domains.size() - 1));
      }
      mixtures.add(new MixtureSpec("without-" + left, weights));
    }
    return mixtures;
  }

  /**
   * Gamma(shape, 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma
   * variables"; shapes below 1 use the boost Gamma(a) = Gamma(a + 1) * U^(1/a).
   */
  static double gamma(double shape, SplittableRandom random) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** Standard normal by the Box-Muller transform (one of the pair; simple and seeded). */
  private static double normal(SplittableRandom random) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
