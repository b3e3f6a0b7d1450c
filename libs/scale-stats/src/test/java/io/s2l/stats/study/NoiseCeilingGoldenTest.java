package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Correlation;
import io.s2l.stats.LinearFit;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Noise ceilings, ceiling fractions and signal-to-noise ratios of {@link GoldenCube} with 2 seeds
 * and with 3 (the middle one left out of both halves), against numpy 2.4.6 / scipy 1.17.1 (python
 * 3.11.7), printed by the script "Noise ceiling and null levels" in
 * src/test/resources/golden/README.md. With runs = L[2, :, :R, j, :].astype(float64).mean(-1), h =
 * R // 2, a = runs[:, :h].mean(1) and b = runs[:, R - h:].mean(1):
 *
 * <ul>
 *   <li>pearson = stats.pearsonr(a, b).statistic, r2 = pearson ** 2, stepped = n pearson / (1 + (n
 *       - 1) pearson), n = R / h;
 *   <li>fractions = stats.linregress(x, y).rvalue ** 2 / r2 for proxies s, m;
 *   <li>proxySnr = x.std(ddof=1) / runs_p.std(axis=1, ddof=1).mean() for s, m; referenceSnr
 *       likewise for l.
 * </ul>
 *
 * Tolerance 1e-9 relative.
 */
class NoiseCeilingGoldenTest {

  private static final Percentage REL_1E9 = withinPercentage(1e-7);

  record Golden(
      int seeds,
      int evalSet,
      double pearson,
      double r2,
      double stepped,
      double[] fractions,
      double[] proxySnr,
      double referenceSnr) {

    @Override
    public String toString() {
      return seeds + " seeds, set " + GoldenCube.EVAL_SETS.get(evalSet);
    }
  }

  // numpy 2.4.6, scipy 1.17.1: the output of the README script.
  static List<Golden> goldens() {
    return List.of(
        new Golden(
            2,
            0,
            0.9899233086417568,
            0.9799481569922429,
            0.9949361408480003,
            new double[] {0.962139268938514, 1.01166332364585},
            new double[] {2.778666607586113, 18.841438927401477},
            11.700810693077148),
        new Golden(
            2,
            1,
            0.9883172628763645,
            0.9767710120994288,
            0.9941243093636198,
            new double[] {0.9645104133203174, 1.0144619497575156},
            new double[] {8.587783753817439, 11.56672169884229},
            11.462957272052648),
        new Golden(
            3,
            0,
            0.9899233085397235,
            0.9799481567902327,
            0.9966183858583456,
            new double[] {0.9567133420415955, 1.0154427016074732},
            new double[] {2.651224470068152, 13.322918315197061},
            12.604857728575135),
        new Golden(
            3,
            1,
            0.9883074476510938,
            0.9767516110826195,
            0.996071862582103,
            new double[] {0.9883832122009706, 1.0183432949050764},
            new double[] {4.561537935177711, 10.657953989388073},
            10.677274129774299));
  }

  private static AnalysisResult analyze(int seeds) {
    List<Long> seedValues = seeds == 2 ? List.of(7L, 8L) : List.of(7L, 8L, 9L);
    return ScaleCorrelationAnalysis.analyze(
        GoldenCube.build(seedValues), AnalysisOptions.defaults("l"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void ceilingMatchesScipy(Golden golden) {
    NoiseCeiling ceiling = analyze(golden.seeds()).noiseCeiling().get(golden.evalSet());
    assertThat(ceiling.evalSet()).isEqualTo(GoldenCube.EVAL_SETS.get(golden.evalSet()));
    assertThat(ceiling.halfSeeds()).isEqualTo(1);
    assertThat(ceiling.pearsonR()).isCloseTo(golden.pearson(), REL_1E9);
    assertThat(ceiling.r2()).isCloseTo(golden.r2(), REL_1E9);
    assertThat(ceiling.spearmanBrown()).isCloseTo(golden.stepped(), REL_1E9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void fractionsAndSignalToNoiseMatchNumpy(Golden golden) {
    AnalysisResult result = analyze(golden.seeds());
    for (int p = 0; p < 2; p++) {
      ProxyEvalResult entry = result.entries().get(p * 2 + golden.evalSet());
      assertThat(entry.fractionOfCeiling()).isCloseTo(golden.fractions()[p], REL_1E9);
      assertThat(entry.seedNoise().proxySnr()).isCloseTo(golden.proxySnr()[p], REL_1E9);
      assertThat(entry.seedNoise().referenceSnr()).isCloseTo(golden.referenceSnr(), REL_1E9);
    }
  }

  /**
   * The intervals resample the half means a, b with the dedicated stream of the set, and agree with
   * the materialising bootstrap of Pearson's r and of R^2 on them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void intervalsResampleDistributionsFromTheirOwnStream(Golden golden) {
    AnalysisOptions options = AnalysisOptions.defaults("l");
    NoiseCeiling ceiling = analyze(golden.seeds()).noiseCeiling().get(golden.evalSet());
    int k = GoldenCube.DISTRIBUTIONS.size();
    double[] a = new double[k];
    double[] b = new double[k];
    for (int d = 0; d < k; d++) {
      for (int z = 0; z < GoldenCube.EXAMPLES; z++) {
        a[d] += GoldenCube.loss(2, d, 0, golden.evalSet(), z);
        b[d] += GoldenCube.loss(2, d, golden.seeds() - 1, golden.evalSet(), z);
      }
      a[d] /= GoldenCube.EXAMPLES;
      b[d] /= GoldenCube.EXAMPLES;
    }
    Bootstrap bootstrap =
        new Bootstrap(
            options.resamples(),
            ScaleCorrelationAnalysis.streamSeed(options.seed(), -(golden.evalSet() + 1), 0));
    var pearson = bootstrap.interval(a, b, Correlation::pearson, options.level());
    var r2 = bootstrap.interval(a, b, (u, v) -> LinearFit.of(u, v).r2(), options.level());
    assertThat(ceiling.pearsonRCi95().low()).isCloseTo(pearson.low(), REL_1E9);
    assertThat(ceiling.pearsonRCi95().high()).isCloseTo(pearson.high(), REL_1E9);
    assertThat(ceiling.r2Ci95().low()).isCloseTo(r2.low(), REL_1E9);
    assertThat(ceiling.r2Ci95().high()).isCloseTo(r2.high(), REL_1E9);
  }
}
