package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.stats.Bootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The noise ceiling follows the reference's seed noise; single-seed studies have none. */
class NoiseCeilingTest {

  private static AnalysisResult analyze(double referenceNoise, int seeds) {
    return analyze(referenceNoise, seeds, 17L);
  }

  private static AnalysisResult analyze(double referenceNoise, int seeds, long cubeSeed) {
    LossCube cube =
        SyntheticCube.build(
            List.of(
                SyntheticCube.Scale.linear("small", 1e15, 0.05, 0.05),
                SyntheticCube.Scale.linear("large", 1e17, referenceNoise, referenceNoise)),
            10,
            seeds,
            50,
            cubeSeed);
    return ScaleCorrelationAnalysis.analyze(cube, AnalysisOptions.defaults("large"));
  }

  @Test
  void quietSeedsGiveACeilingNearOne() {
    // run-mean noise 0.05 / sqrt(50) against effects 0.1 k: seed halves agree almost exactly.
    AnalysisResult result = analyze(0.05, 4);
    assertThat(result.noiseCeiling())
        .extracting(NoiseCeiling::evalSet)
        .containsExactly("set0", "set1");
    for (NoiseCeiling ceiling : result.noiseCeiling()) {
      assertThat(ceiling.halfSeeds()).isEqualTo(2);
      assertThat(ceiling.r2()).isGreaterThan(0.99);
      assertThat(ceiling.r2Ci95().low()).isGreaterThan(0.95);
      assertThat(ceiling.spearmanBrown()).isGreaterThan(ceiling.pearsonR());
    }
    for (ProxyEvalResult entry : result.entries()) {
      assertThat(entry.fractionOfCeiling()).isBetween(0.95, 1.05);
      assertThat(entry.seedNoise().referenceSnr()).isGreaterThan(20);
    }
  }

  @Test
  void loudSeedsGiveALowCeiling() {
    // run-mean noise 10 / sqrt(50) = 1.4 against a spread of effects of 0.3: seed noise dominates,
    // so over 20 studies the ceiling's r2 averages near the null level 1 / (K - 1) = 0.11, while
    // one study of K = 10 can still draw a high one by chance.
    double sum = 0;
    double snr = 0;
    int count = 0;
    for (long cubeSeed = 0; cubeSeed < 20; cubeSeed++) {
      AnalysisResult result = analyze(10, 4, cubeSeed);
      for (NoiseCeiling ceiling : result.noiseCeiling()) {
        sum += ceiling.r2();
        count++;
      }
      for (ProxyEvalResult entry : result.entries()) {
        snr += entry.seedNoise().referenceSnr();
        assertThat(entry.seedNoise().proxySnr()).isGreaterThan(20);
      }
    }
    assertThat(sum / count).isLessThan(0.25);
    // Pure noise gives snr near 1 / sqrt(R) = 0.5; the effects add (0.3 / 1.4)^2 to its square.
    assertThat(snr / count).isLessThan(0.8);
  }

  @Test
  void aSingleSeedHasNoCeilingNoFractionAndNoSignalToNoise() {
    AnalysisResult result = analyze(0.05, 1);
    assertThat(result.noiseCeiling()).isEmpty();
    for (ProxyEvalResult entry : result.entries()) {
      assertThat(entry.fractionOfCeiling()).isNull();
      assertThat(entry.seedNoise()).isNull();
    }
  }

  @Test
  void aCeilingAtOrBelowZeroLeavesTheFractionAndTheStepUpUndefined() {
    NoiseCeiling ceiling =
        NoiseCeiling.of("set", new double[][] {{1, 3}, {2, 2}, {3, 1}}, new Bootstrap(50, 1), 0.95);
    assertThat(ceiling.pearsonR()).isCloseTo(-1.0, within(1e-12));
    assertThat(ceiling.spearmanBrown()).isNaN();
    assertThat(ceiling.fractionReached(0.5)).isNaN();
    NoiseCeiling flat =
        NoiseCeiling.of("set", new double[][] {{1, 1}, {2, 1}, {3, 1}}, new Bootstrap(50, 1), 0.95);
    assertThat(flat.r2()).isNaN();
    assertThat(flat.fractionReached(0.5)).isNaN();
  }

  @Test
  void perExampleSummariesCarryTheNullLevel() {
    for (ProxyEvalResult entry : analyze(0.05, 2).entries()) {
      assertThat(entry.perExample().nullMeanR2()).isEqualTo(1.0 / 9);
      assertThat(entry.perExample().nullR2Quantile95()).isBetween(0.399, 0.4);
    }
  }
}
