package io.s2l.analysis.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.mixture.NamedMixture;
import io.s2l.api.mixture.RecommendedMixture;
import io.s2l.api.mixture.VerifiedMixture;
import io.s2l.attribution.HierarchicalBootstrap;
import io.s2l.queue.ClaimedJob;
import io.s2l.study.VerifyJobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Mixture gains get the selection's hierarchical bootstrap: seeds paired, draws and examples. */
class MixtureVerifierTest {

  static final UUID STUDY = UUID.fromString("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9");
  static final long[] SEEDS = {3, 7};
  static final int DRAWS = 5;
  static final int EXAMPLES = 12;

  private static MixtureRecommendation recommendation() {
    List<NamedMixture> random = new ArrayList<>();
    for (int j = 0; j < DRAWS; j++) {
      random.add(new NamedMixture("random-mixture-" + j, Map.of("a", 0.5, "b", 0.5)));
    }
    RecommendedMixture linear =
        new RecommendedMixture(
            "recommended-linear-xs",
            "linear",
            "xs",
            1e9,
            Map.of("a", 0.9, "b", 0.1),
            3.1,
            0.8,
            20,
            List.of(3.0, 3.2),
            List.of("a", "b"));
    return new MixtureRecommendation(
        STUDY, "cloze", "l", List.of("a", "b"), 1000, List.of(linear), random, 100);
  }

  /** Seeds x examples losses of one mixture's reference models; seed 7 trains worse. */
  private static List<ProxyRun> models(String name, double level, long[] seeds, Random r) {
    List<ProxyRun> runs = new ArrayList<>();
    for (long seed : seeds) {
      float[] losses = new float[EXAMPLES];
      for (int z = 0; z < EXAMPLES; z++) {
        losses[z] = (float) (level + (seed == 7 ? 0.2 : 0) + 0.1 * z + 0.05 * r.nextGaussian());
      }
      runs.add(new ProxyRun("l", name, Map.of(), 4e10, 0, losses, null, seed));
    }
    return runs;
  }

  private static MixtureVerification verify(List<ProxyRun> reference) throws Exception {
    MixtureRuns runs = mock(MixtureRuns.class);
    when(runs.load(STUDY, "l", "cloze")).thenReturn(reference);
    MixtureStore store = mock(MixtureStore.class);
    when(store.latest(STUDY))
        .thenReturn(Optional.of(new MixtureStore.Stored(2, recommendation(), null)));
    AtomicReference<MixtureVerification> stored = new AtomicReference<>();
    doAnswer(
            a -> {
              stored.set(a.getArgument(2));
              return null;
            })
        .when(store)
        .verifyAndComplete(eq(STUDY), anyInt(), any(MixtureVerification.class), any());
    new MixtureVerifier(runs, store)
        .verify(
            new VerifyJobSpec(STUDY, VerifyJobSpec.MIXTURE),
            new ClaimedJob(2, STUDY, "verify", "v", "{}", 1, 3, "w"));
    return stored.get();
  }

  @Test
  void theGainsIntervalResamplesSeedsRandomMixturesAndExamples() throws Exception {
    Random r = new Random(17);
    List<ProxyRun> reference = new ArrayList<>(models("recommended-linear-xs", 2.0, SEEDS, r));
    double[][][] random = new double[DRAWS][][];
    for (int j = 0; j < DRAWS; j++) {
      List<ProxyRun> draw = models("random-mixture-" + j, 2.1 + 0.03 * j, SEEDS, r);
      reference.addAll(draw);
      random[j] = losses(draw);
    }
    double[][] recommended = losses(reference.subList(0, SEEDS.length));
    MixtureVerification result = verify(reference);

    HierarchicalBootstrap.Gain expected =
        HierarchicalBootstrap.gain(recommended, random, 20240527L);
    VerifiedMixture entry = result.entries().get(0);
    assertThat(entry.gainOverRandom()).isCloseTo(expected.gain(), within(1e-12));
    assertThat(entry.ci95()).containsExactly(expected.ci95().low(), expected.ci95().high());
    assertThat(entry.models()).isEqualTo(2);
    assertThat(entry.predictionInterval()).containsExactly(3.0, 3.2);
    assertThat(result.resampled()).containsExactly("seeds", "randomDraws", "examples");
    assertThat(result.random().draws()).isEqualTo(DRAWS);
    assertThat(result.examples()).isEqualTo(EXAMPLES);
    // the point estimate: per example, random mean minus recommended mean, averaged
    double gain = 0;
    for (int z = 0; z < EXAMPLES; z++) {
      double rand = 0;
      for (double[][] d : random) {
        rand += (d[0][z] + d[1][z]) / (2.0 * DRAWS);
      }
      gain += (rand - (recommended[0][z] + recommended[1][z]) / 2) / EXAMPLES;
    }
    assertThat(entry.gainOverRandom()).isCloseTo(gain, within(1e-12));
  }

  @Test
  void aRandomMixtureTrainedWithOtherSeedsIsRefused() {
    Random r = new Random(1);
    List<ProxyRun> reference = new ArrayList<>(models("recommended-linear-xs", 2.0, SEEDS, r));
    for (int j = 0; j < DRAWS; j++) {
      reference.addAll(models("random-mixture-" + j, 2.1, j == 2 ? new long[] {3, 8} : SEEDS, r));
    }
    assertThatThrownBy(() -> verify(reference))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[3, 7]")
        .hasMessageContaining("[3, 8]");
  }

  private static double[][] losses(List<ProxyRun> runs) {
    double[][] out = new double[runs.size()][EXAMPLES];
    for (int s = 0; s < runs.size(); s++) {
      for (int z = 0; z < EXAMPLES; z++) {
        out[s][z] = runs.get(s).losses()[z];
      }
    }
    return out;
  }
}
