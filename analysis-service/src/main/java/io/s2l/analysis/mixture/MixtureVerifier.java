package io.s2l.analysis.mixture;

import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.mixture.NamedMixture;
import io.s2l.api.mixture.RecommendedMixture;
import io.s2l.api.mixture.VerifiedMixture;
import io.s2l.api.selection.RandomBaseline;
import io.s2l.attribution.HierarchicalBootstrap;
import io.s2l.queue.ClaimedJob;
import io.s2l.study.VerifyJobSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies a study's recommended mixtures at the reference scale (docs/science.md section 4.4): the
 * reference's per-example loss on the target evaluation set after training on each recommendation
 * (averaged over seeds), against the mean over the random mixtures; the gain over random is the
 * mean per-example difference (random minus recommended), with a seeded 95% hierarchical bootstrap
 * interval that resamples seeds, random mixtures and examples ({@link HierarchicalBootstrap}, as
 * selections are verified).
 */
@Component
public class MixtureVerifier {

  private static final Logger log = LoggerFactory.getLogger(MixtureVerifier.class);
  private static final long BOOTSTRAP_SEED = 20240527L;

  private final MixtureRuns runs;
  private final MixtureStore store;

  MixtureVerifier(MixtureRuns runs, MixtureStore store) {
    this.runs = runs;
    this.store = store;
  }

  /**
   * One mixture's reference models: per seed (ascending), per example.
   *
   * @param accuracy 1 where the model chose right; null for sets without accuracy
   */
  private record Trained(long[] seeds, double[][] losses, double[][] accuracy, double flops) {

    double meanLoss() {
      return mean(losses);
    }

    Double meanAccuracy() {
      return accuracy == null ? null : mean(accuracy);
    }
  }

  public void verify(VerifyJobSpec spec, ClaimedJob job) throws Exception {
    MixtureStore.Stored stored =
        store
            .latest(spec.studyId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "study " + spec.studyId() + " has no mixture recommendation to verify"));
    MixtureRecommendation rec = stored.recommendation();
    String reference = rec.referenceScale();
    String target = rec.target();
    Map<String, List<ProxyRun>> byMixture = new LinkedHashMap<>();
    for (ProxyRun r : runs.load(spec.studyId(), reference, target)) {
      byMixture.computeIfAbsent(r.distribution(), k -> new ArrayList<>()).add(r);
    }
    List<Trained> draws = new ArrayList<>();
    for (NamedMixture m : rec.randomMixtures()) {
      draws.add(trained(byMixture, m.name()));
    }
    if (draws.isEmpty()) {
      throw new IllegalStateException("no random mixture was trained");
    }
    double[][][] random = draws.stream().map(Trained::losses).toArray(double[][][]::new);
    double randomLoss = draws.stream().mapToDouble(Trained::meanLoss).average().orElseThrow();
    Double randomAccuracy =
        draws.stream().allMatch(d -> d.accuracy() != null)
            ? draws.stream().mapToDouble(Trained::meanAccuracy).average().orElseThrow()
            : null;
    List<VerifiedMixture> entries = new ArrayList<>();
    for (RecommendedMixture m : rec.recommendations()) {
      Trained verified = trained(byMixture, m.name());
      for (Trained d : draws) {
        if (!Arrays.equals(d.seeds(), verified.seeds())) {
          throw new IllegalStateException(
              "the models of "
                  + m.name()
                  + " have seeds "
                  + Arrays.toString(verified.seeds())
                  + ", a random mixture's "
                  + Arrays.toString(d.seeds()));
        }
      }
      HierarchicalBootstrap.Gain gain =
          HierarchicalBootstrap.gain(verified.losses(), random, BOOTSTRAP_SEED);
      entries.add(
          new VerifiedMixture(
              "mixture-" + m.model(),
              m.proxyScale(),
              verified.flops() / m.proxyFlops(),
              m.predictedLoss(),
              verified.meanLoss(),
              randomLoss,
              gain.gain(),
              List.of(gain.ci95().low(), gain.ci95().high()),
              verified.meanAccuracy(),
              randomAccuracy,
              m.leaveOneOutR2(),
              m.weights(),
              verified.seeds().length,
              m.predictionInterval()));
    }
    MixtureVerification result =
        new MixtureVerification(
            spec.studyId(),
            stored.version(),
            reference,
            target,
            draws.get(0).losses()[0].length,
            new RandomBaseline(
                draws.size(),
                randomLoss,
                randomAccuracy,
                draws.stream().map(Trained::meanLoss).toList(),
                null),
            entries,
            "/api/v1/studies/" + spec.studyId() + "/mixture/gain.svg",
            HierarchicalBootstrap.resampled(draws.get(0).seeds().length, draws.size()));
    store.verifyAndComplete(spec.studyId(), stored.version(), result, job);
    log.info("study {}: mixture recommendations verified", spec.studyId());
  }

  /** A mixture's reference models, one row per seed in the order they were read (by seed). */
  private static Trained trained(Map<String, List<ProxyRun>> byMixture, String name) {
    List<ProxyRun> models = byMixture.get(name);
    if (models == null || models.isEmpty()) {
      throw new IllegalStateException("no reference model was trained on '" + name + "'");
    }
    int n = models.get(0).losses().length;
    boolean withAccuracy = models.stream().allMatch(m -> m.correct() != null);
    long[] seeds = new long[models.size()];
    double[][] losses = new double[models.size()][n];
    double[][] accuracy = withAccuracy ? new double[models.size()][n] : null;
    double flops = 0;
    for (int s = 0; s < seeds.length; s++) {
      ProxyRun m = models.get(s);
      if (m.losses().length != n) {
        throw new IllegalStateException(
            "the models of '" + name + "' scored " + m.losses().length + " and " + n + " examples");
      }
      seeds[s] = m.seed();
      for (int i = 0; i < n; i++) {
        losses[s][i] = m.losses()[i];
        if (withAccuracy) {
          accuracy[s][i] = m.correct()[i] ? 1.0 : 0.0;
        }
      }
      flops += m.flops() / models.size();
    }
    return new Trained(seeds, losses, accuracy, flops);
  }

  private static double mean(double[][] values) {
    return Arrays.stream(values).flatMapToDouble(Arrays::stream).average().orElseThrow();
  }
}
