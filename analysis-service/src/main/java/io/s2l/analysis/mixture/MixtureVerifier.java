package io.s2l.analysis.mixture;

import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.mixture.NamedMixture;
import io.s2l.api.mixture.RecommendedMixture;
import io.s2l.api.mixture.VerifiedMixture;
import io.s2l.api.selection.RandomBaseline;
import io.s2l.queue.ClaimedJob;
import io.s2l.stats.Bootstrap;
import io.s2l.stats.Interval;
import io.s2l.study.VerifyJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies a study's recommended mixtures at the reference scale: the reference's per-example loss
 * on the target evaluation set after training on each recommendation (averaged over seeds), against
 * the mean over the random mixtures; the gain over random is the mean per-example difference
 * (random minus recommended), with a seeded 95% bootstrap interval over the examples.
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

  /** One mixture's results at the reference: per example, averaged over its seeds. */
  private record Averaged(double[] losses, double[] accuracy, double flops, int models) {

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
    List<Averaged> draws = new ArrayList<>();
    for (NamedMixture m : rec.randomMixtures()) {
      draws.add(average(byMixture, m.name()));
    }
    Averaged random = pool(draws);
    List<VerifiedMixture> entries = new ArrayList<>();
    Bootstrap bootstrap = Bootstrap.withSeed(BOOTSTRAP_SEED);
    for (RecommendedMixture m : rec.recommendations()) {
      Averaged verified = average(byMixture, m.name());
      double[] gain = new double[verified.losses().length];
      for (int i = 0; i < gain.length; i++) {
        gain[i] = random.losses()[i] - verified.losses()[i];
      }
      Interval ci = bootstrap.meanInterval(gain, 0.95);
      entries.add(
          new VerifiedMixture(
              "mixture-" + m.model(),
              m.proxyScale(),
              verified.flops() / m.proxyFlops(),
              m.predictedLoss(),
              verified.meanLoss(),
              random.meanLoss(),
              mean(gain),
              List.of(ci.low(), ci.high()),
              verified.meanAccuracy(),
              random.meanAccuracy(),
              m.leaveOneOutR2(),
              m.weights(),
              verified.models()));
    }
    MixtureVerification result =
        new MixtureVerification(
            spec.studyId(),
            stored.version(),
            reference,
            target,
            random.losses().length,
            new RandomBaseline(
                draws.size(),
                random.meanLoss(),
                random.meanAccuracy(),
                draws.stream().map(Averaged::meanLoss).toList(),
                null),
            entries,
            "/api/v1/studies/" + spec.studyId() + "/mixture/gain.svg");
    store.verifyAndComplete(spec.studyId(), stored.version(), result, job);
    log.info("study {}: mixture recommendations verified", spec.studyId());
  }

  private static Averaged average(Map<String, List<ProxyRun>> byMixture, String name) {
    List<ProxyRun> models = byMixture.get(name);
    if (models == null || models.isEmpty()) {
      throw new IllegalStateException("no reference model was trained on '" + name + "'");
    }
    int n = models.get(0).losses().length;
    double[] losses = new double[n];
    boolean accuracy = models.stream().allMatch(m -> m.correct() != null);
    double[] correct = accuracy ? new double[n] : null;
    double flops = 0;
    for (ProxyRun m : models) {
      for (int i = 0; i < n; i++) {
        losses[i] += m.losses()[i] / (double) models.size();
        if (accuracy) {
          correct[i] += (m.correct()[i] ? 1.0 : 0.0) / models.size();
        }
      }
      flops += m.flops() / models.size();
    }
    return new Averaged(losses, correct, flops, models.size());
  }

  private static Averaged pool(List<Averaged> draws) {
    if (draws.isEmpty()) {
      throw new IllegalStateException("no random mixture was trained");
    }
    int n = draws.get(0).losses().length;
    double[] losses = new double[n];
    double[] accuracy = draws.get(0).accuracy() != null ? new double[n] : null;
    int models = 0;
    for (Averaged d : draws) {
      for (int i = 0; i < n; i++) {
        losses[i] += d.losses()[i] / draws.size();
        if (accuracy != null) {
          accuracy[i] += d.accuracy()[i] / draws.size();
        }
      }
      models += d.models();
    }
    return new Averaged(losses, accuracy, draws.get(0).flops(), models);
  }

  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }
}
