package io.s2l.attribution;

import java.util.SplittableRandom;

/** Selections DsDm is compared with, of the same size. */
public final class Baselines {

  private Baselines() {}

  /** {@code size} distinct pool indices drawn uniformly without replacement, sorted. */
  public static int[] random(int pool, int size, long seed) {
    if (size < 1 || size > pool) {
      throw new IllegalArgumentException("cannot draw " + size + " of " + pool + " examples");
    }
    // Partial Fisher-Yates shuffle: the first size entries are a uniform draw.
    int[] order = new int[pool];
    for (int i = 0; i < pool; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(pool - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] draw = java.util.Arrays.copyOf(order, size);
    java.util.Arrays.sort(draw);
    return draw;
  }

  /**
   * The {@code size} pool examples most similar to the target task: the highest cosine similarity
   * between an example's raw features (pixels) and the mean of the target examples' features.
   */
  public static int[] similarity(float[][] pool, float[][] targets, int size) {
    if (targets.length == 0) {
      throw new IllegalArgumentException("at least one target example is required");
    }
    int d = targets[0].length;
    double[] centroid = new double[d];
    for (float[] t : targets) {
      if (t.length != d) {
        throw new IllegalArgumentException("target examples differ in length");
      }
      for (int j = 0; j < d; j++) {
        centroid[j] += t[j] / (double) targets.length;
      }
    }
    double centroidNorm = Math.sqrt(dot(centroid, centroid));
    double[] similarity = new double[pool.length];
    for (int i = 0; i < pool.length; i++) {
      if (pool[i].length != d) {
        throw new IllegalArgumentException(
            "pool example " + i + " has " + pool[i].length + " values, not " + d);
      }
      double dot = 0;
      double norm = 0;
      for (int j = 0; j < d; j++) {
        dot += pool[i][j] * centroid[j];
        norm += (double) pool[i][j] * pool[i][j];
      }
      similarity[i] = norm == 0 || centroidNorm == 0 ? 0 : dot / (Math.sqrt(norm) * centroidNorm);
    }
    return Ranking.top(similarity, size);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
