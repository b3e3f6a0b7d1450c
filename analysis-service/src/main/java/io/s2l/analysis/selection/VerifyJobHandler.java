package io.s2l.analysis.selection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.attribution.AttributionData;
import io.s2l.analysis.attribution.AttributionStore;
import io.s2l.analysis.mixture.MixtureVerifier;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.SelectionCandidate;
import io.s2l.api.attribution.SelectionPlan;
import io.s2l.api.selection.RandomBaseline;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.selection.VerifiedSelection;
import io.s2l.attribution.HierarchicalBootstrap;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.JobKinds;
import io.s2l.study.SelectionSpec;
import io.s2l.study.VerifyJobSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs verification jobs: a mixture study's go to {@link MixtureVerifier}; a selection study's are
 * verified here.
 *
 * <p>Verifies a selection study's selections at the reference scale (docs/science.md section 4.3),
 * size by size: the holdout target loss (and accuracy where the target task's evaluation set has
 * one) of the reference trained on each selection (DsDm per proxy scale, the similarity baseline),
 * against the random draws of the same size; the gain over random is the mean per-example loss
 * difference (random minus selection), with a seeded 95% hierarchical bootstrap interval that
 * resamples seeds, random draws and holdout examples ({@link HierarchicalBootstrap}). Image studies
 * are measured on their image set's test split, text studies on their target set.
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
    String evalSet = AttributionData.evalSet(doc.dataset(), doc.targetSet());
    int[] holdout = selection.holdoutTargets().stream().mapToInt(Integer::intValue).toArray();
    List<Integer> sizes = selection.sizes() != null ? selection.sizes() : List.of(selection.size());
    List<RandomBaseline> randomBySize = new ArrayList<>();
    List<VerifiedSelection> entries = new ArrayList<>();
    for (int size : sizes) {
      List<HoldoutLosses> draws = new ArrayList<>();
      for (SelectionCandidate c : candidates(selection, size, true)) {
        draws.add(runs.load(spec.studyId(), reference, c.name(), evalSet, holdout));
      }
      if (draws.isEmpty()) {
        throw new IllegalStateException("no random baseline of size " + size + " was trained");
      }
      randomBySize.add(baseline(draws, size));
      for (SelectionCandidate c : candidates(selection, size, false)) {
        HoldoutLosses verified = runs.load(spec.studyId(), reference, c.name(), evalSet, holdout);
        entries.add(entry(c, verified, draws, size));
        context.checkLease();
      }
    }
    SelectionResult result =
        new SelectionResult(
            spec.studyId(),
            attribution.version(),
            reference,
            sizes.get(0),
            selection.targetClasses(),
            holdout.length,
            randomBySize.get(0),
            entries,
            "/api/v1/studies/" + spec.studyId() + "/selection/gain.svg",
            sizes,
            doc.targetSet(),
            randomBySize,
            null,
            HierarchicalBootstrap.resampled(
                entries.isEmpty() ? 1 : entries.get(0).models(), randomBySize.get(0).draws()));
    int version = store.storeAndComplete(spec.studyId(), json.writeValueAsString(result), job);
    log.info("study {}: selection verified (version {})", spec.studyId(), version);
  }

  /** The random (or the other) candidates of one size; a plan without sizes has one size. */
  private static List<SelectionCandidate> candidates(
      SelectionPlan selection, int size, boolean random) {
    return selection.candidates().stream()
        .filter(c -> SelectionSpec.RANDOM.equals(c.method()) == random)
        .filter(c -> (c.size() != null ? c.size() : selection.size()) == size)
        .toList();
  }

  private static RandomBaseline baseline(List<HoldoutLosses> draws, int size) {
    boolean accuracy = draws.stream().allMatch(d -> d.accuracy() != null);
    double loss = 0;
    double correct = 0;
    for (HoldoutLosses d : draws) {
      loss += d.meanLoss() / draws.size();
      correct += accuracy ? d.meanAccuracy() / draws.size() : 0;
    }
    return new RandomBaseline(
        draws.size(),
        loss,
        accuracy ? correct : null,
        draws.stream().map(HoldoutLosses::meanLoss).toList(),
        size);
  }

  private static VerifiedSelection entry(
      SelectionCandidate candidate, HoldoutLosses verified, List<HoldoutLosses> draws, int size) {
    for (HoldoutLosses d : draws) {
      if (!Arrays.equals(d.seeds(), verified.seeds())) {
        throw new IllegalStateException(
            "the models of "
                + candidate.name()
                + " have seeds "
                + Arrays.toString(verified.seeds())
                + ", a random draw's "
                + Arrays.toString(d.seeds()));
      }
    }
    RandomBaseline random = baseline(draws, size);
    HierarchicalBootstrap.Gain gain =
        HierarchicalBootstrap.gain(
            verified.losses(),
            draws.stream().map(HoldoutLosses::losses).toArray(double[][][]::new),
            BOOTSTRAP_SEED);
    HierarchicalBootstrap.Gain accuracyGain = null;
    if (verified.accuracy() != null && random.accuracy() != null) {
      // accuracy gains the other way round: selection minus random, i.e. the gain of -accuracy
      accuracyGain =
          HierarchicalBootstrap.gain(
              negated(verified.accuracy()),
              draws.stream().map(d -> negated(d.accuracy())).toArray(double[][][]::new),
              BOOTSTRAP_SEED);
    }
    return new VerifiedSelection(
        candidate.method(),
        candidate.proxyScale(),
        candidate.computeRatio(),
        candidate.predictedLoss(),
        verified.meanLoss(),
        verified.meanAccuracy(),
        random.loss(),
        random.accuracy(),
        gain.gain(),
        List.of(gain.ci95().low(), gain.ci95().high()),
        accuracyGain != null ? accuracyGain.gain() : null,
        accuracyGain != null
            ? List.of(accuracyGain.ci95().low(), accuracyGain.ci95().high())
            : null,
        verified.models(),
        size);
  }

  private static double[][] negated(double[][] values) {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = Arrays.stream(values[i]).map(v -> -v).toArray();
    }
    return out;
  }
}
