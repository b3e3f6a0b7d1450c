package io.s2l.analysis.mixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private final ObjectMapper json;
  private final MixtureRuns runs;
  private final MixtureStore store;

  MixtureVerifier(ObjectMapper json, MixtureRuns runs, MixtureStore store) {
    this.json = json;
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
    JsonNode rec = json.readTree(stored.recommendation());
    String reference = rec.get("referenceScale").asText();
    String target = rec.get("target").asText();
    Map<String, List<ProxyRun>> byMixture = new LinkedHashMap<>();
    for (ProxyRun r : runs.load(spec.studyId(), reference, target)) {
      byMixture.computeIfAbsent(r.distribution(), k -> new ArrayList<>()).add(r);
    }
    List<Averaged> draws = new ArrayList<>();
    for (JsonNode m : rec.get("randomMixtures")) {
      draws.add(average(byMixture, m.get("name").asText()));
    }
    Averaged random = pool(draws);
    ObjectNode result = json.createObjectNode();
    result.put("studyId", spec.studyId().toString());
    result.put("version", stored.version());
    result.put("referenceScale", reference);
    result.put("target", target);
    result.put("examples", random.losses().length);
    ObjectNode r = result.putObject("random");
    r.put("draws", draws.size());
    r.put("loss", random.meanLoss());
    r.put("accuracy", random.meanAccuracy());
    ArrayNode drawLosses = r.putArray("drawLosses");
    draws.forEach(d -> drawLosses.add(d.meanLoss()));
    ArrayNode entries = result.putArray("entries");
    Bootstrap bootstrap = Bootstrap.withSeed(BOOTSTRAP_SEED);
    for (JsonNode m : rec.get("recommendations")) {
      Averaged verified = average(byMixture, m.get("name").asText());
      double[] gain = new double[verified.losses().length];
      for (int i = 0; i < gain.length; i++) {
        gain[i] = random.losses()[i] - verified.losses()[i];
      }
      ObjectNode e = entries.addObject();
      e.put("method", "mixture-" + m.get("model").asText());
      e.put("proxyScale", m.get("proxyScale").asText());
      e.put("computeRatio", verified.flops() / m.get("proxyFlops").asDouble());
      e.put("predictedLoss", m.get("predictedLoss").asDouble());
      e.put("verifiedLoss", verified.meanLoss());
      e.put("randomLoss", random.meanLoss());
      e.put("gainOverRandom", mean(gain));
      Interval ci = bootstrap.meanInterval(gain, 0.95);
      e.putArray("ci95").add(ci.low()).add(ci.high());
      e.put("verifiedAccuracy", verified.meanAccuracy());
      e.put("randomAccuracy", random.meanAccuracy());
      e.put("leaveOneOutR2", m.get("leaveOneOutR2").asDouble());
      e.set("weights", m.get("weights"));
      e.put("models", verified.models());
    }
    result.put("gainPlot", "/api/v1/studies/" + spec.studyId() + "/mixture/gain.svg");
    store.verifyAndComplete(spec.studyId(), stored.version(), json.writeValueAsString(result), job);
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
