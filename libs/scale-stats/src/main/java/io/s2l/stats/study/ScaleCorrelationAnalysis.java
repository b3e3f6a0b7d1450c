package io.s2l.stats.study;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.BootstrapIntervals;
import io.s2l.stats.Interruption;
import io.s2l.stats.PermutationPValues;
import io.s2l.stats.PermutationTest;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.ScaleCorrelationBootstrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The complete scale-correlation analysis of a study (docs/science.md section 2; Khaddaj, Engstrom,
 * Madry, "Small-to-Large Generalization", arXiv 2505.16260): for every proxy scale (every scale but
 * the reference, in study order) and every evaluation set (study order), one {@link
 * ProxyEvalResult}, then a {@link Recommendation} over all of them and, per evaluation set, the
 * scaling-law {@link Extrapolation} from all proxies to the reference.
 *
 * <p>Per entry:
 *
 * <ul>
 *   <li>aggregate: x_k = mean_r mean_z l(z; theta_proxy(D_k, r)), y_k likewise for the reference,
 *       and {@code ScaleCorrelation.of(x, y)};
 *   <li>ci95: percentile bootstrap at {@code level} with {@code resamples} replicates, resampling
 *       the K distributions in pairs, every statistic on the same resample ({@link
 *       ScaleCorrelationBootstrap});
 *   <li>per example: R^2_z across distributions of the seed-averaged losses, summarised by {@link
 *       PerExampleR2}, the mean's interval resampling examples;
 *   <li>accuracy against chance when the set has a chance accuracy, and seed noise against spread
 *       when there is more than one seed, and the share of the set's {@link NoiseCeiling} reached;
 *   <li>the number of resamples each interval dropped, and the permutation p-values of decision
 *       accuracy, Spearman and Kendall against no relation ({@link PermutationTest}: exact up to K
 *       = 8, else {@link PermutationTest#DEFAULT_PERMUTATIONS} random pairings).
 * </ul>
 *
 * <p>Randomness: entry i (position in {@link AnalysisResult#entries()}) resamples distributions
 * with seed {@code mix(options.seed(), i, 0)} and examples with {@code mix(options.seed(), i, 1)},
 * and draws its random pairings with {@link #permutationSeed}, mix being the SplitMix64 finaliser,
 * so entries draw independent streams while a rerun with the same options repeats every number
 * exactly.
 *
 * <p>Cost: each loss array is read once (the reference's once per evaluation set), O(S K R Z) for S
 * scales, K distributions, R seeds and Z examples, with no boxing; the bootstraps add O(B K^2) and
 * O(B Z) per entry, and the noise ceilings O(B K^2) per evaluation set. Single-threaded and
 * allocation-light: the per-example work keeps a handful of double[Z] arrays per entry, plus the
 * reference's K of them per evaluation set. The permutation test adds O(K! K log K) per entry up to
 * K = 8 and O(N K log K) beyond (N = 9999): about 10^8 steps, a second or two, per entry at K =
 * 1000. An interrupted thread stops before its next entry ({@link Interruption}).
 */
public final class ScaleCorrelationAnalysis {

  private ScaleCorrelationAnalysis() {}

  /**
   * @throws java.util.concurrent.CancellationException when the thread is interrupted, before the
   *     next entry
   * @throws IllegalArgumentException if the reference scale is not in the cube, the cube has no
   *     other scale, or fewer than 3 distributions
   */
  public static AnalysisResult analyze(LossCube cube, AnalysisOptions options) {
    Objects.requireNonNull(cube, "cube");
    Objects.requireNonNull(options, "options");
    String referenceName = options.referenceScale();
    if (!cube.scales().contains(referenceName)) {
      throw new IllegalArgumentException(
          "reference scale " + referenceName + " is not a scale of the study " + cube.scales());
    }
    if (cube.scales().size() < 2) {
      throw new IllegalArgumentException(
          "the study has no proxy scale: its only scale is the reference " + referenceName);
    }
    int distributions = cube.distributions().size();
    if (distributions < 3) {
      throw new IllegalArgumentException(
          "at least 3 distributions are needed to correlate proxies with the reference, got "
              + distributions);
    }
    int reference = cube.scaleAt(referenceName);
    List<String> proxies = new ArrayList<>(cube.scales());
    proxies.remove(referenceName);
    int sets = cube.evalSets().size();
    ProxyEvalResult[] entries = new ProxyEvalResult[proxies.size() * sets];
    List<NoiseCeiling> ceilings = new ArrayList<>();
    for (int j = 0; j < sets; j++) {
      Interruption.check();
      ScalePass referencePass = ScalePass.reference(cube, reference, j);
      NoiseCeiling ceiling = ceiling(cube, options, j, referencePass);
      if (ceiling != null) {
        ceilings.add(ceiling);
      }
      for (int p = 0; p < proxies.size(); p++) {
        Interruption.check();
        int proxy = cube.scaleAt(proxies.get(p));
        int index = p * sets + j;
        ScalePass proxyPass = ScalePass.proxy(cube, proxy, j, referencePass);
        entries[index] =
            entry(cube, options, index, proxy, reference, j, proxyPass, referencePass, ceiling);
      }
    }
    List<ProxyEvalResult> results = List.of(entries);
    return new AnalysisResult(
        referenceName,
        options,
        results,
        Recommender.recommend(results, List.copyOf(proxies), cube.evalSets(), options),
        List.copyOf(ceilings),
        ScalingLawBaseline.of(results, List.copyOf(proxies), cube.evalSets(), options));
  }

  /**
   * The noise ceiling of evaluation set j, null with a single seed. Its bootstrap draws from the
   * dedicated stream {@code mix(options.seed(), -(j + 1), 0)}, whose negative entry index no entry
   * uses.
   */
  private static NoiseCeiling ceiling(
      LossCube cube, AnalysisOptions options, int evalSet, ScalePass referencePass) {
    if (cube.seeds().size() < 2) {
      return null;
    }
    return NoiseCeiling.of(
        cube.evalSets().get(evalSet),
        referencePass.runMeans,
        new Bootstrap(options.resamples(), streamSeed(options.seed(), -(evalSet + 1), 0)),
        options.level());
  }

  private static ProxyEvalResult entry(
      LossCube cube,
      AnalysisOptions options,
      int index,
      int proxy,
      int reference,
      int evalSet,
      ScalePass proxyPass,
      ScalePass referencePass,
      NoiseCeiling ceiling) {
    double[] x = proxyPass.means;
    double[] y = referencePass.means.clone(); // each entry owns its arrays
    BootstrapIntervals ci95 =
        ScaleCorrelationBootstrap.of(
            x,
            y,
            new Bootstrap(options.resamples(), streamSeed(options.seed(), index, 0)),
            options.level());
    PermutationPValues permutation =
        new PermutationTest(
                PermutationTest.DEFAULT_PERMUTATIONS, permutationSeed(options.seed(), index))
            .pValues(x, y);
    PerExampleR2 perExample =
        PerExampleSummary.of(
            proxyPass, referencePass, x.length, options, streamSeed(options.seed(), index, 1));
    Double chance = cube.chanceAt(evalSet);
    Accuracy accuracy = null;
    if (chance != null) {
      double proxyAccuracy = (double) proxyPass.correct / proxyPass.judged;
      double referenceAccuracy = (double) referencePass.correct / referencePass.judged;
      accuracy = new Accuracy(proxyAccuracy, referenceAccuracy, chance, proxyAccuracy - chance);
    }
    SeedNoise seedNoise =
        cube.seeds().size() < 2
            ? null
            : SeedNoise.of(
                noise(proxyPass.runMeans), sampleSd(x), noise(referencePass.runMeans), sampleSd(y));
    ScaleCorrelation statistics = ScaleCorrelation.of(x, y);
    double proxyFlops = cube.flopsAt(proxy);
    double referenceFlops = cube.flopsAt(reference);
    return new ProxyEvalResult(
        cube.scales().get(proxy),
        cube.scales().get(reference),
        cube.evalSets().get(evalSet),
        x.length,
        cube.distributions(),
        statistics,
        ci95.intervals(),
        cube.paramsAt(proxy),
        cube.paramsAt(reference),
        proxyFlops,
        referenceFlops,
        referenceFlops / proxyFlops,
        x,
        y,
        perExample,
        accuracy,
        seedNoise,
        ci95.dropped(),
        permutation,
        ceiling == null ? null : ceiling.fractionReached(statistics.r2()));
  }

  /**
   * The seed of entry {@code entry}'s random pairings: {@code streamSeed(seed, -1 - entry, 1)},
   * whose argument -2 entry is 0 or negative and even, so never that of a resampling stream
   * (positive) nor of a noise ceiling's (negative and odd).
   */
  static long permutationSeed(long seed, int entry) {
    return streamSeed(seed, -1 - entry, 1);
  }

  /** (1/K) sum_k sd_r(m_{k,r}), ddof = 1. */
  private static double noise(double[][] runMeans) {
    return Arrays.stream(runMeans)
        .mapToDouble(ScaleCorrelationAnalysis::sampleSd)
        .average()
        .orElseThrow();
  }

  /** Sample standard deviation, ddof = 1, two-pass. */
  static double sampleSd(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /**
   * The seed of random stream {@code stream} of entry {@code entry}: the SplitMix64 finaliser
   * (Steele, Lea, Flood 2014) of seed + golden gamma * (2 entry + stream + 1), a bijection of its
   * input, so distinct (entry, stream) pairs get well-mixed, distinct seeds.
   */
  static long streamSeed(long seed, int entry, int stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (2L * entry + stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
