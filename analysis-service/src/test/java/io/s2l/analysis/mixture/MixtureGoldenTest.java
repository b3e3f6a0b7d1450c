package io.s2l.analysis.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.s2l.analysis.GoldenDocuments;
import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.ResourceEstimate;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.VerifyJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The recommendation and its verification still write the golden documents from the runs they were
 * made from.
 */
class MixtureGoldenTest {

  static final UUID STUDY = UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
  static final List<String> DOMAINS = List.of("books", "code", "web");

  @Test
  void writesTheGoldenDocuments() throws Exception {
    Random r = new Random(3);
    List<ProxyRun> proxies = new ArrayList<>();
    for (int m = 0; m < 8; m++) {
      Map<String, Double> w = weights(r);
      double loss = 3.0 + w.get("books") - 0.8 * w.get("code") + 0.05 * r.nextGaussian();
      proxies.add(
          new ProxyRun("tiny", "mixture-" + m, w, 1.5e9, loss, losses(r, 16, loss), null, 0L));
    }
    AtomicReference<MixtureRecommendation> recommendation =
        new AtomicReference<>(
            recommend(
                    proxies,
                    "[0]",
                    "{\"target\":\"heldout/code\",\"candidates\":500,\"randomMixtures\":2,"
                        + "\"seed\":1}",
                    "null")
                .document());
    assertThat(GoldenDocuments.JSON.writeValueAsString(recommendation.get()))
        .isEqualTo(GoldenDocuments.text("mixture-recommendation"));

    var rec = GoldenDocuments.JSON.readTree(GoldenDocuments.text("mixture-recommendation"));
    List<ProxyRun> reference = new ArrayList<>();
    List<String> names = new ArrayList<>();
    rec.get("recommendations").forEach(n -> names.add(n.get("name").asText()));
    rec.get("randomMixtures").forEach(n -> names.add(n.get("name").asText()));
    for (String name : names) {
      double loss = 2.5 + 0.2 * r.nextGaussian();
      reference.add(
          new ProxyRun("small", name, Map.of(), 2.4e10, loss, losses(r, 16, loss), null, 0L));
    }
    MixtureRuns referenceRuns = mock(MixtureRuns.class);
    when(referenceRuns.load(STUDY, "small", "heldout/code")).thenReturn(reference);
    MixtureStore verifyStore = mock(MixtureStore.class);
    when(verifyStore.latest(STUDY))
        .thenReturn(Optional.of(new MixtureStore.Stored(1, recommendation.get(), null)));
    AtomicReference<MixtureVerification> verification = new AtomicReference<>();
    doAnswer(
            a -> {
              verification.set(a.getArgument(2));
              return null;
            })
        .when(verifyStore)
        .verifyAndComplete(eq(STUDY), anyInt(), any(MixtureVerification.class), any());
    new MixtureVerifier(referenceRuns, verifyStore)
        .verify(
            new VerifyJobSpec(STUDY, VerifyJobSpec.MIXTURE),
            new ClaimedJob(2, STUDY, "verify", "v", "{}", 1, 3, "w"));
    assertThat(GoldenDocuments.JSON.writeValueAsString(verification.get()))
        .isEqualTo(GoldenDocuments.text("mixture-verification"));
  }

  /** The reference models queued with the recommendation, for a study submitted with trainer. */
  private static List<NewJob> referenceJobs(String trainerJson) throws Exception {
    Random r = new Random(5);
    List<ProxyRun> proxies = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      Map<String, Double> w = weights(r);
      proxies.add(
          new ProxyRun(
              "tiny", "mixture-" + m, w, 1e9, 3.0 + w.get("books"), losses(r, 4, 3), null, 0L));
    }
    List<NewJob> queued =
        recommend(
                proxies,
                "[0, 1]",
                "{\"target\":\"heldout/code\",\"candidates\":50,\"randomMixtures\":1,\"seed\":1}",
                trainerJson)
            .jobs();
    // two regressions recommend for the one proxy scale, plus one random mixture, two seeds
    assertThat(queued).hasSize(6);
    return queued;
  }

  @Test
  void theReferenceModelsAreTrainedByTheTrainerTheStudyWasSubmittedWith() throws Exception {
    TrainerRef cluster =
        new TrainerRef(
            "cluster",
            List.of("/opt/train", "--quiet"),
            List.of("lm"),
            true,
            48L << 30,
            900,
            new TrainerRef.KubernetesTarget("registry.example/t:2", 2, null));
    for (NewJob job : referenceJobs(GoldenDocuments.JSON.writeValueAsString(cluster))) {
      TrainingJobSpec spec =
          GoldenDocuments.JSON.readValue(job.payloadJson(), TrainingJobSpec.class);
      assertThat(spec.trainer()).isEqualTo(cluster);
      assertThat(spec.scale().name()).isEqualTo("small");
      assertThat(job.kind()).isEqualTo(JobKinds.TRAIN_KUBERNETES);
      // its pod gets GPU and memory from the cluster; the dispatcher that claims it needs neither
      assertThat(job.requiresGpu()).isFalse();
      assertThat(job.minMemoryBytes()).isZero();
    }
    for (NewJob job : referenceJobs("null")) {
      TrainingJobSpec spec =
          GoldenDocuments.JSON.readValue(job.payloadJson(), TrainingJobSpec.class);
      assertThat(spec.trainer()).isNull();
      assertThat(job.kind()).isEqualTo(JobKinds.TRAIN);
      assertThat(job.requiresGpu()).isFalse();
      assertThat(job.minMemoryBytes()).isEqualTo(ResourceEstimate.memoryBytes(spec));
    }
  }

  @Test
  void aDomainNoProxyRunTrainedOnGetsNoWeightAndTwentyRunsBoundThePredictionInterval()
      throws Exception {
    Random r = new Random(9);
    List<ProxyRun> proxies = new ArrayList<>();
    for (int m = 0; m < 20; m++) {
      Map<String, Double> w = new LinkedHashMap<>(weights(r));
      double books = w.get("books") / (1 - w.get("web"));
      w.put("books", books);
      w.put("code", 1 - books);
      w.put("web", 0.0);
      double loss = 3.0 + books + 0.02 * r.nextGaussian();
      proxies.add(new ProxyRun("tiny", "mixture-" + m, w, 1e9, loss, losses(r, 4, loss), null, 0L));
    }
    MixtureRecommendation recommended =
        recommend(
                proxies,
                "[0]",
                "{\"target\":\"heldout/code\",\"candidates\":400,\"seed\":1,\"topK\":40}",
                "null")
            .document();
    assertThat(recommended.topK()).isEqualTo(40);
    assertThat(recommended.recommendations())
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.weights().get("web")).isZero();
              assertThat(m.support()).containsExactly("books", "code");
              // loss rises with books: the recommendation leans on code
              assertThat(m.weights().get("code")).isGreaterThan(0.7);
              assertThat(m.predictionInterval()).hasSize(2);
              assertThat(m.predictionInterval().get(0)).isLessThan(m.predictedLoss());
              assertThat(m.predictionInterval().get(1)).isGreaterThan(m.predictedLoss());
            });
  }

  /** What the recommendation job stored and queued. */
  private record Recommended(MixtureRecommendation document, List<NewJob> jobs) {}

  /** Runs the recommendation job over one proxy scale's runs, its store and run reader stubbed. */
  private static Recommended recommend(
      List<ProxyRun> proxies, String seeds, String settings, String trainerJson) throws Exception {
    MixtureRuns runs = mock(MixtureRuns.class);
    when(runs.load(STUDY, "tiny", "heldout/code")).thenReturn(proxies);
    MixtureStore store = mock(MixtureStore.class);
    AtomicReference<Recommended> stored = new AtomicReference<>();
    when(store.recommendAndComplete(eq(STUDY), any(MixtureRecommendation.class), anyList(), any()))
        .thenAnswer(
            a -> {
              stored.set(new Recommended(a.getArgument(1), a.getArgument(2)));
              return 1;
            });
    String payload =
        "{\"studyId\":\""
            + STUDY
            + "\",\"dataset\":\"builtin\",\"reference\":{\"name\":\"small\","
            + "\"width\":16,\"depth\":1,\"heads\":2,\"context\":32},\"proxyScales\":[\"tiny\"],"
            + "\"tokensPerParam\":5.0,\"evalSets\":[\"heldout/code\"],\"training\":{\"batchSize\":8},"
            + "\"seeds\":"
            + seeds
            + ",\"settings\":"
            + settings
            + ",\"referenceTrainer\":"
            + trainerJson
            + "}";
    new RecommendJobHandler(GoldenDocuments.JSON, runs, store)
        .handle(
            new ClaimedJob(1, STUDY, "recommend", "k", payload, 1, 3, "w"),
            new JobContext() {
              public void progress(double fraction) {}

              public void checkLease() {}
            });
    return stored.get();
  }

  private static Map<String, Double> weights(Random r) {
    double[] g = new double[DOMAINS.size()];
    double sum = 0;
    for (int i = 0; i < g.length; i++) {
      g[i] = -Math.log(1 - r.nextDouble());
      sum += g[i];
    }
    Map<String, Double> w = new LinkedHashMap<>();
    for (int i = 0; i < g.length; i++) {
      w.put(DOMAINS.get(i), g[i] / sum);
    }
    return w;
  }

  private static float[] losses(Random r, int n, double mean) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (mean + 0.3 * r.nextGaussian());
    }
    return v;
  }
}
