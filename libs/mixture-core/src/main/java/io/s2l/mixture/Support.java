package io.s2l.mixture;

import io.s2l.study.MixtureGenerator;
import io.s2l.study.MixtureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The part of the simplex the proxy runs explored (docs/science.md section 4.4, "Support"): a
 * domain <em>varies</em> when its weight differs between at least two proxy runs (by more than
 * {@link #VARIATION}); every other domain is <em>fixed</em> at the weight it had in every run. A
 * domain no run trained on is the fixed case with weight 0, and a domain every run gave the same
 * positive weight is fixed too: the regression cannot tell its effect from the intercept-free fit's
 * trade-off between the other coefficients, so moving it would extrapolate.
 *
 * <p>Candidates keep every fixed domain at its weight and share the rest, {@code 1 - sum of fixed
 * weights}, among the varying domains by a flat Dirichlet(1) draw. So no candidate, and no average
 * of candidates, puts weight on a domain no proxy run trained on.
 */
public final class Support {

  /** Weights closer than this in every run count as one value. */
  public static final double VARIATION = 1e-9;

  private final boolean[] varies;
  private final double[] fixed;

  private Support(boolean[] varies, double[] fixed) {
    this.varies = varies;
    this.fixed = fixed;
  }

  /**
   * @param weights the proxy runs' mixtures, runs x domains
   */
  public static Support of(double[][] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("no proxy run: the support is undefined");
    }
    int k = weights[0].length;
    boolean[] varies = new boolean[k];
    double[] fixed = new double[k];
    for (int d = 0; d < k; d++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] w : weights) {
        if (w.length != k) {
          throw new IllegalArgumentException("mixtures of " + w.length + " and " + k + " domains");
        }
        min = Math.min(min, w[d]);
        max = Math.max(max, w[d]);
      }
      varies[d] = max - min > VARIATION;
      fixed[d] = varies[d] ? 0 : weights[0][d];
    }
    return new Support(varies, fixed);
  }

  /** Whether domain d varies across the proxy runs. */
  public boolean varies(int d) {
    return varies[d];
  }

  /** Domain d's weight in every run where it does not vary; 0 where it varies. */
  public double fixedWeight(int d) {
    return fixed[d];
  }

  /**
   * {@code count} candidate mixtures inside the support, seeded: the varying domains' shares are
   * {@link MixtureGenerator#dirichlet} draws (alpha 1) over as many domains, so with every domain
   * varying the candidates are exactly the flat Dirichlet draws over all of them. With no domain
   * varying there is one candidate: the one mixture every run trained on.
   */
  public List<double[]> candidates(int count, long seed) {
    int[] free = IntStream.range(0, varies.length).filter(d -> varies[d]).toArray();
    if (free.length == 0) {
      return List.of(fixed.clone());
    }
    double rest = 1;
    for (double w : fixed) {
      rest -= w;
    }
    List<String> names = IntStream.range(0, free.length).mapToObj(Integer::toString).toList();
    List<double[]> out = new ArrayList<>(count);
    for (MixtureSpec m : MixtureGenerator.dirichlet(names, count, 1.0, seed)) {
      double[] w = fixed.clone();
      for (int i = 0; i < free.length; i++) {
        w[free[i]] = rest * m.weights().get(names.get(i));
      }
      out.add(w);
    }
    return out;
  }
}
