package io.s2l.analysis.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.analysis.attribution.AttributionStore;
import io.s2l.analysis.mixture.MixtureVerifier;
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
    JsonNode doc = json.readTree(attribution.document());
    JsonNode selection = doc.get("selection");
    if (selection == null || selection.isNull()) {
      throw new IllegalArgumentException("study " + spec.studyId() + " selects no data");
    }
    String reference = doc.get("referenceScale").asText();
    int[] holdout = ints(selection.get("holdoutTargets"));
    List<HoldoutLosses> draws = new ArrayList<>();
    for (JsonNode c : selection.get("candidates")) {
      if (SelectionSpec.RANDOM.equals(c.get("method").asText())) {
        draws.add(runs.load(spec.studyId(), reference, c.get("name").asText(), holdout));
      }
    }
    HoldoutLosses random = average(draws);
    ObjectNode result = json.createObjectNode();
    result.put("studyId", spec.studyId().toString());
    result.put("attributionVersion", attribution.version());
    result.put("referenceScale", reference);
    result.put("size", selection.get("size").asInt());
    result.set("targetClasses", selection.get("targetClasses"));
    result.put("holdoutTargets", holdout.length);
    ObjectNode r = result.putObject("random");
    r.put("draws", draws.size());
    r.put("loss", random.meanLoss());
    r.put("accuracy", random.meanAccuracy());
    ArrayNode drawLosses = r.putArray("drawLosses");
    draws.forEach(d -> drawLosses.add(d.meanLoss()));
    ArrayNode entries = result.putArray("entries");
    for (JsonNode c : selection.get("candidates")) {
      String method = c.get("method").asText();
      if (SelectionSpec.RANDOM.equals(method)) {
        continue;
      }
      HoldoutLosses verified =
          runs.load(spec.studyId(), reference, c.get("name").asText(), holdout);
      entries.add(entry(c, verified, random));
      context.checkLease();
    }
    result.put("gainPlot", "/api/v1/studies/" + spec.studyId() + "/selection/gain.svg");
    int version = store.storeAndComplete(spec.studyId(), json.writeValueAsString(result), job);
    log.info("study {}: selection verified (version {})", spec.studyId(), version);
  }

  private ObjectNode entry(JsonNode candidate, HoldoutLosses verified, HoldoutLosses random) {
    double[] gain = new double[verified.losses().length];
    double[] accuracyGain = new double[gain.length];
    for (int i = 0; i < gain.length; i++) {
      gain[i] = random.losses()[i] - verified.losses()[i];
      accuracyGain[i] = verified.accuracy()[i] - random.accuracy()[i];
    }
    Bootstrap bootstrap = Bootstrap.withSeed(BOOTSTRAP_SEED);
    ObjectNode e = json.createObjectNode();
    e.put("method", candidate.get("method").asText());
    e.set("proxyScale", candidate.get("proxyScale"));
    e.set("computeRatio", candidate.get("computeRatio"));
    e.set("predictedLoss", candidate.get("predictedLoss"));
    e.put("verifiedLoss", verified.meanLoss());
    e.put("verifiedAccuracy", verified.meanAccuracy());
    e.put("randomLoss", random.meanLoss());
    e.put("randomAccuracy", random.meanAccuracy());
    e.put("gainOverRandom", HoldoutLosses.mean(gain));
    interval(e.putArray("ci95"), bootstrap.meanInterval(gain, 0.95));
    e.put("accuracyGainOverRandom", HoldoutLosses.mean(accuracyGain));
    interval(e.putArray("accuracyCi95"), bootstrap.meanInterval(accuracyGain, 0.95));
    e.put("models", verified.models());
    return e;
  }

  private static void interval(ArrayNode node, Interval i) {
    node.add(i.low());
    node.add(i.high());
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

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }
}
