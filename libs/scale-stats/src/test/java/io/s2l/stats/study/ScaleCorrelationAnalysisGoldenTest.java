package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.s2l.stats.ScaleCorrelation;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis of {@link GoldenCube} against numpy 2.4.6 / scipy 1.17.1 (python 3.11.7), computed
 * by the script "Scale-correlation analysis" in src/test/resources/golden/README.md. Tolerance 1e-9
 * relative; histogram counts and defined counts exactly.
 */
class ScaleCorrelationAnalysisGoldenTest {

  private static final Percentage REL_1E9 = withinPercentage(1e-7);

  private static final AnalysisResult RESULT =
      ScaleCorrelationAnalysis.analyze(GoldenCube.build(), AnalysisOptions.defaults("l"));

  /**
   * One entry's reference values. With L the (scale, distribution, seed, set, example) float32
   * array, p the proxy and j the set: runs = L[p, :, :, j, :].astype(float64).mean(-1), x =
   * runs.mean(1), y likewise for l;
   *
   * @param pearson stats.pearsonr(x, y).statistic
   * @param r2 stats.linregress(x, y).rvalue ** 2
   * @param slope stats.linregress(x, y).slope
   * @param intercept stats.linregress(x, y).intercept
   * @param spearman stats.spearmanr(x, y).statistic
   * @param kendall stats.kendalltau(x, y).statistic
   * @param decision brute force over pairs (README: decision_accuracy)
   * @param defined examples with np.ptp(X, 0) &gt; 0 and np.ptp(Y, 0) &gt; 0, X = L[p, :, :, j,
   *     :].astype(float64).mean(1)
   * @param quantiles np.quantile(r ** 2, [.05, .1, .25, .5, .75, .9, .95]), r = stats.pearsonr(X[:,
   *     defined], Y[:, defined], axis=0).statistic
   * @param meanR2 (r ** 2).mean()
   * @param fractionPositive (r &gt; 0).mean()
   * @param fractionAbove (r ** 2 &gt; 0.5).mean()
   * @param histogram np.histogram(r ** 2, bins=20, range=(0, 1))[0]
   * @param proxyAccuracy C[p].mean() (C the correctness array of "mc"), null for "lm"
   * @param referenceAccuracy C[2].mean()
   * @param proxyNoise runs.std(axis=1, ddof=1).mean()
   * @param proxySpread x.std(ddof=1)
   */
  record Golden(
      String proxy,
      String evalSet,
      double[] x,
      double[] y,
      double pearson,
      double r2,
      double slope,
      double intercept,
      double spearman,
      double kendall,
      double decision,
      int defined,
      double[] quantiles,
      double meanR2,
      double fractionPositive,
      double fractionAbove,
      long[] histogram,
      Double proxyAccuracy,
      Double referenceAccuracy,
      double proxyNoise,
      double proxySpread,
      double referenceNoise,
      double referenceSpread) {

    @Override
    public String toString() {
      return proxy + " vs l on " + evalSet;
    }
  }

  // numpy 2.4.6, scipy 1.17.1: the output of the README script, entry by entry.
  static Stream<Golden> goldens() {
    return Stream.of(
        new Golden(
            "s",
            "lm",
            new double[] {
              2.845833321412404,
              3.0958333611488342,
              2.804166615009308,
              3.137499988079071,
              2.9791666865348816
            },
            new double[] {
              3.0449999968210855,
              3.6599999467531843,
              2.600000003973643,
              4.014999906222026,
              3.305000066757202
            },
            0.9710028853541892,
            0.9428466033661608,
            3.5981764147673663,
            -7.370579388773551,
            0.9999999999999999,
            0.9999999999999999,
            1.0,
            5,
            new double[] {
              0.47837603951719687,
              0.5098241379312115,
              0.6041684331732555,
              0.6860462618590921,
              0.7084188199635286,
              0.7395299968597026,
              0.7499003891584273
            },
            0.641166447511242,
            0.8,
            0.8,
            new long[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0},
            null,
            null,
            0.05303301420857072,
            0.14736106568099533,
            0.04666902552955936,
            0.5460654329517586),
        new Golden(
            "s",
            "mc",
            new double[] {
              3.1699999968210855,
              3.335000018278758,
              3.049999992052714,
              3.5150000055631,
              3.154999991257985
            },
            new double[] {
              3.0799999634424844,
              3.7700000405311584,
              2.784999986489614,
              4.125000039736429,
              3.3400000135103864
            },
            0.9706213538756115,
            0.9421058125993249,
            2.8502825089598387,
            -5.8291667350978615,
            0.8999999999999998,
            0.7999999999999999,
            0.9,
            6,
            new double[] {
              0.4932157471413218,
              0.5395032272799833,
              0.651163330292964,
              0.7343448452278338,
              0.8409761124667929,
              0.8735994115945778,
              0.87646019773996
            },
            0.7158158280341317,
            0.8333333333333334,
            0.8333333333333334,
            new long[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 2, 0, 0},
            0.7333333333333333,
            0.7666666666666667,
            0.021213200063848484,
            0.18217437487479704,
            0.04666901990997945,
            0.5349649811566688),
        new Golden(
            "m",
            "lm",
            new double[] {
              3.0150000055631,
              3.555000066757202,
              2.744999994834264,
              3.734999934832255,
              3.224999964237213
            },
            new double[] {
              3.0449999968210855,
              3.6599999467531843,
              2.600000003973643,
              4.014999906222026,
              3.305000066757202
            },
            0.9956794712674343,
            0.9913776095033977,
            1.3603285449284044,
            -1.1028694204472451,
            0.9999999999999999,
            0.9999999999999999,
            1.0,
            6,
            new double[] {
              0.7863862525864839,
              0.7864392239922803,
              0.7871436245303189,
              0.82105616403393,
              0.9566478585610311,
              0.9934026776267395,
              0.9945343324591225
            },
            0.8669660218843166,
            1.0,
            1.0,
            new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 1, 0, 2},
            null,
            null,
            0.021213208493218245,
            0.39968737227920587,
            0.04666902552955936,
            0.5460654329517586),
        new Golden(
            "m",
            "mc",
            new double[] {
              3.124999980131785,
              3.5900000135103864,
              2.9300000468889875,
              3.9200000166893005,
              3.259999990463257
            },
            new double[] {
              3.0799999634424844,
              3.7700000405311584,
              2.784999986489614,
              4.125000039736429,
              3.3400000135103864
            },
            0.9954381072678542,
            0.9908970254010084,
            1.3564477614761081,
            -1.1444467215611835,
            0.9999999999999999,
            0.9999999999999999,
            1.0,
            6,
            new double[] {
              0.7863863470389426,
              0.786439304332391,
              0.790930568483121,
              0.8154867486002887,
              0.8512802521226843,
              0.9252753761801122,
              0.9582073761927048
            },
            0.8424004763709306,
            1.0,
            1.0,
            new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 0, 1},
            0.75,
            0.7666666666666667,
            0.03394112684565344,
            0.3925875683687782,
            0.04666901990997945,
            0.5349649811566688));
  }

  private static ProxyEvalResult entry(Golden golden) {
    return RESULT.entries().stream()
        .filter(e -> e.proxyScale().equals(golden.proxy()) && e.evalSet().equals(golden.evalSet()))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void aggregateLossesAndStatisticsMatchScipy(Golden golden) {
    ProxyEvalResult entry = entry(golden);
    assertClose(entry.proxyLosses(), golden.x());
    assertClose(entry.referenceLosses(), golden.y());
    ScaleCorrelation s = entry.statistics();
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.pearsonR()).isCloseTo(golden.pearson(), REL_1E9);
    assertThat(s.r2()).isCloseTo(golden.r2(), REL_1E9);
    assertThat(s.slope()).isCloseTo(golden.slope(), REL_1E9);
    assertThat(s.intercept()).isCloseTo(golden.intercept(), REL_1E9);
    assertThat(s.spearman()).isCloseTo(golden.spearman(), REL_1E9);
    assertThat(s.kendall()).isCloseTo(golden.kendall(), REL_1E9);
    assertThat(s.decisionAccuracy()).isCloseTo(golden.decision(), REL_1E9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void perExampleDistributionMatchesNumpy(Golden golden) {
    PerExampleR2 perExample = entry(golden).perExample();
    assertThat(perExample.examples()).isEqualTo(GoldenCube.EXAMPLES);
    assertThat(perExample.defined()).isEqualTo(golden.defined());
    assertThat(perExample.quantileLevels()).containsExactly(0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95);
    assertClose(perExample.quantiles(), golden.quantiles());
    assertThat(perExample.mean()).isCloseTo(golden.meanR2(), REL_1E9);
    assertThat(perExample.fractionPositiveR()).isCloseTo(golden.fractionPositive(), REL_1E9);
    assertThat(perExample.fractionR2Above05()).isCloseTo(golden.fractionAbove(), REL_1E9);
    assertThat(perExample.histogram().counts()).containsExactly(golden.histogram());
    assertThat(perExample.histogram().edges()).hasSize(21).startsWith(0.0, 0.05).endsWith(1.0);
    assertThat(perExample.meanCi95().contains(perExample.mean())).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void accuracyAndSeedNoiseMatchNumpy(Golden golden) {
    ProxyEvalResult entry = entry(golden);
    if (golden.proxyAccuracy() == null) {
      assertThat(entry.accuracy()).isNull();
    } else {
      Accuracy accuracy = entry.accuracy();
      assertThat(accuracy.proxyAccuracy()).isCloseTo(golden.proxyAccuracy(), REL_1E9);
      assertThat(accuracy.referenceAccuracy()).isCloseTo(golden.referenceAccuracy(), REL_1E9);
      assertThat(accuracy.chance()).isEqualTo(0.25);
      assertThat(accuracy.proxyAboveChance()).isCloseTo(golden.proxyAccuracy() - 0.25, REL_1E9);
    }
    SeedNoise noise = entry.seedNoise();
    assertThat(noise.proxyNoise()).isCloseTo(golden.proxyNoise(), REL_1E9);
    assertThat(noise.proxySpread()).isCloseTo(golden.proxySpread(), REL_1E9);
    assertThat(noise.referenceNoise()).isCloseTo(golden.referenceNoise(), REL_1E9);
    assertThat(noise.referenceSpread()).isCloseTo(golden.referenceSpread(), REL_1E9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void computeAndNamesComeFromTheCube(Golden golden) {
    ProxyEvalResult entry = entry(golden);
    assertThat(entry.referenceScale()).isEqualTo("l");
    assertThat(entry.distributions()).isEqualTo(5);
    assertThat(entry.distributionNames()).isEqualTo(GoldenCube.DISTRIBUTIONS);
    assertThat(entry.referenceParams()).isEqualTo(16_000_000L);
    assertThat(entry.referenceFlops()).isEqualTo(1.536e16);
    assertThat(entry.computeRatio()).isEqualTo(1.536e16 / entry.proxyFlops());
    assertThat(entry.ci95().keySet())
        .containsExactly(
            "pearsonR", "r2", "slope", "intercept", "spearman", "kendall", "decisionAccuracy");
  }

  private static void assertClose(double[] actual, double[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("[%d]", i).isCloseTo(expected[i], REL_1E9);
    }
  }
}
