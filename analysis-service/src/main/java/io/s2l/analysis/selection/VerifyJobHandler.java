package io.s2l.analysis.selection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.attribution.AttributionStore;
import io.s2l.analysis.mixture.MixtureVerifier;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.SelectionCandidate;
import io.s2l.api.attribution.SelectionPlan;
import io.s2l.api.selection.RandomBaseline;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.selection.VerifiedSelection;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.spring.JobHandler;
import io.s2l.stats.Bootstrap;
import io.s2l.stats.Interval;
import io.s2l.study.JobKinds;
import io.s2l.study.SelectionSpec;
import io.s2l.study.VerifyJobSpec;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs verification jobs: a mixture study's go to {@link MixtureVerifier}; a selection study's are
 * verified here.
 *
 * <p>Verifies a selection study's selections at the reference scale (docs/science.md section 4.3):
 * the holdout target loss and accuracy of the reference trained on each selection (DsDm per proxy
 * scale, the similarity baseline), against the mean of the random draws of the same size; the gain
 * over random is the mean per-example loss difference (random minus selection), with a seeded 95%
 * bootstrap interval over the holdout examples.
 */
@Component
class VerifyJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(VerifyJobHandler.class);
  private static final long BOOTSTRAP_SEED = 20240527L;

  private final ObjectMapper json;
  private final AttributionStore attributions;
  private final VerificationRuns runs;
  private final SelectionStore store;
  private final MixtureVerifier mixtures;

  VerifyJobHandler(
      ObjectMapper json,
      AttributionStore attributions,
      VerificationRuns runs,
      SelectionStore store,
      MixtureVerifier mixtures) {
    this.json = json;
    this.attributions = attributions;
    this.runs = runs;
    this.store = store;
    this.mixtures = mixtures;
  }

  @Override
  public String kind() {
    return JobKinds.VERIFY;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    VerifyJobSpec spec = json.readValue(job.payloadJson(), VerifyJobSpec.class);
    if (VerifyJobSpec.MIXTURE.equals(spec.subjectOrDefault())) {
      mixtures.verify(spec, job);
      return;
    }
    AttributionStore.Stored attribution =
        attributions
            .latest(spec.studyId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "study " + spec.studyId() + " has no attribution analysis to verify"));
    AttributionResult doc = attribution.document();
    SelectionPlan selection = doc.selection();
    if (selection == null) {
      throw new IllegalArgumentException("study " + spec.studyId() + " selects no data");
    }
    String reference = doc.referenceScale();
    int[] holdout = selection.holdoutTargets().stream().mapToInt(Integer::intValue).toArray();
    List<HoldoutLosses> draws = new ArrayList<>();
    for (SelectionCandidate c : selection.candidates()) {
      if (SelectionSpec.RANDOM.equals(c.method())) {
        draws.add(runs.load(spec.studyId(), reference, c.name(), holdout));
      }
    }
    HoldoutLosses random = average(draws);
    List<VerifiedSelection> entries = new ArrayList<>();
    for (SelectionCandidate c : selection.candidates()) {
      if (SelectionSpec.RANDOM.equals(c.method())) {
        continue;
      }
      HoldoutLosses verified = runs.load(spec.studyId(), reference, c.name(), holdout);
      entries.add(entry(c, verified, random));
      context.checkLease();
    }
    SelectionResult result =
        new SelectionResult(
            spec.studyId(),
            attribution.version(),
            reference,
            selection.size() == null ? 0 : selection.size(),
            selection.targetClasses(),
            holdout.length,
            new RandomBaseline(
                draws.size(),
                random.meanLoss(),
                random.meanAccuracy(),
                draws.stream().map(HoldoutLosses::meanLoss).toList()),
            entries,
            "/api/v1/studies/" + spec.studyId() + "/selection/gain.svg",
            null);
    int version = store.storeAndComplete(spec.studyId(), json.writeValueAsString(result), job);
    log.info("study {}: selection verified (version {})", spec.studyId(), version);
  }

  private static VerifiedSelection entry(
      SelectionCandidate candidate, HoldoutLosses verified, HoldoutLosses random) {
    double[] gain = new double[verified.losses().length];
    double[] accuracyGain = new double[gain.length];
    for (int i = 0; i < gain.length; i++) {
      gain[i] = random.losses()[i] - verified.losses()[i];
      accuracyGain[i] = verified.accuracy()[i] - random.accuracy()[i];
    }
    Bootstrap bootstrap = Bootstrap.withSeed(BOOTSTRAP_SEED);
    List<Double> ci = interval(bootstrap.meanInterval(gain, 0.95));
    List<Double> accuracyCi = interval(bootstrap.meanInterval(accuracyGain, 0.95));
    return new VerifiedSelection(
        candidate.method(),
        candidate.proxyScale(),
        candidate.computeRatio(),
        candidate.predictedLoss(),
        verified.meanLoss(),
        verified.meanAccuracy(),
        random.meanLoss(),
        random.meanAccuracy(),
        HoldoutLosses.mean(gain),
        ci,
        HoldoutLosses.mean(accuracyGain),
        accuracyCi,
        verified.models());
  }

  private static List<Double> interval(Interval i) {
    return List.of(i.low(), i.high());
  }

  private static HoldoutLosses average(List<HoldoutLosses> draws) {
    if (draws.isEmpty()) {
      throw new IllegalStateException("no random baseline was trained");
    }
    int n = draws.get(0).losses().length;
    double[] losses = new double[n];
    double[] accuracy = new double[n];
    int models = 0;
    for (HoldoutLosses d : draws) {
      for (int i = 0; i < n; i++) {
        losses[i] += d.losses()[i] / draws.size();
        accuracy[i] += d.accuracy()[i] / draws.size();
      }
      models += d.models();
    }
    return new HoldoutLosses(losses, accuracy, models);
  }
}
