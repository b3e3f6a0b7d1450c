package io.s2l.analysis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.attribution.Lds;
import io.s2l.attribution.OrderSimilarity;
import io.s2l.study.AttributionJobSpec;
import java.util.List;

/**
 * The served form of an attribution analysis: per scale the LDS (with its bootstrap CI; null
 * without ground truth), the compute ratio against the reference and the order similarity to it;
 * order similarity between every pair of scales; the optional LASSO check; the selections of a
 * selection study; and what it was computed from.
 */
final class AttributionDocument {

  private AttributionDocument() {}

  static ObjectNode of(
      ObjectMapper json,
      AttributionJobSpec spec,
      int pool,
      TargetTask task,
      GroundTruth truth,
      List<ScaleAttribution> scales,
      AttributionJobHandler.LassoCheck lasso,
      List<SelectionCandidate> selections) {
    ObjectNode doc = json.createObjectNode();
    doc.put("studyId", spec.studyId().toString());
    doc.put("dataset", spec.dataset());
    doc.put("referenceScale", spec.referenceScale());
    doc.put("pool", pool);
    doc.put("targets", task.size());
    ArrayNode targetIndices = doc.putArray("targetTestIndices");
    for (int i : task.testIndices()) {
      targetIndices.add(i);
    }
    doc.set("settings", json.valueToTree(spec.settings()));
    if (truth != null) {
      ObjectNode ground = doc.putObject("groundTruth");
      ground.put("subsets", truth.count());
      ground.put("models", truth.models());
    } else {
      doc.putNull("groundTruth");
    }
    ScaleAttribution reference =
        scales.stream().filter(s -> s.scale().equals(spec.referenceScale())).findFirst().get();
    // order similarity of every pair of scales, computed once
    double[][] order = new double[scales.size()][scales.size()];
    for (int a = 0; a < scales.size(); a++) {
      order[a][a] = 1.0;
      for (int b = a + 1; b < scales.size(); b++) {
        order[a][b] = OrderSimilarity.meanSpearman(scales.get(a).scores(), scales.get(b).scores());
        order[b][a] = order[a][b];
      }
    }
    int ref = scales.indexOf(reference);
    ArrayNode lds = doc.putArray("lds");
    for (int i = 0; i < scales.size(); i++) {
      ScaleAttribution s = scales.get(i);
      ObjectNode e = lds.addObject();
      e.put("scale", s.scale());
      if (s.lds() != null) {
        e.put("lds", s.lds().mean());
        interval(e, s.lds());
        e.put("undefinedTargets", s.lds().undefinedTargets());
      } else {
        e.putNull("lds");
        e.putNull("ci95");
      }
      e.put("computeRatio", reference.trainingFlops() / s.trainingFlops());
      e.put("trainingFlops", s.trainingFlops());
      e.put("models", spec.settings().modelsPerScale());
      e.put("orderSimilarityToReference", order[i][ref]);
      e.put("seconds", s.seconds());
    }
    ArrayNode pairs = doc.putArray("orderSimilarity");
    for (int a = 0; a < scales.size(); a++) {
      for (int b = a + 1; b < scales.size(); b++) {
        ObjectNode e = pairs.addObject();
        e.put("scaleA", scales.get(a).scale());
        e.put("scaleB", scales.get(b).scale());
        e.put("meanSpearman", order[a][b]);
      }
    }
    if (lasso != null) {
      ObjectNode l = doc.putObject("lasso");
      l.put("lds", lasso.lds().mean());
      interval(l, lasso.lds());
      l.put("fittedOnSubsets", lasso.fitted());
      l.put("scoredOnSubsets", lasso.heldOut());
    } else {
      doc.putNull("lasso");
    }
    if (spec.selection() != null) {
      doc.set("selection", selection(json, spec, task, selections));
    } else {
      doc.putNull("selection");
    }
    return doc;
  }

  private static ObjectNode selection(
      ObjectMapper json,
      AttributionJobSpec spec,
      TargetTask task,
      List<SelectionCandidate> selections) {
    ObjectNode s = json.createObjectNode();
    s.put("size", spec.selection().size());
    s.set("targetClasses", json.valueToTree(spec.selection().targetClasses()));
    s.put(
        "signConvention",
        "DsDm keeps the examples with the highest mean TRAK score over the selection targets:"
            + " a positive score predicts a higher correct-class margin, i.e. a lower loss");
    ArrayNode choose = s.putArray("selectionTargets");
    for (int i : task.testIndicesOf(task.selectionRows())) {
      choose.add(i);
    }
    ArrayNode holdout = s.putArray("holdoutTargets");
    for (int i : task.testIndicesOf(task.holdoutRows())) {
      holdout.add(i);
    }
    ArrayNode candidates = s.putArray("candidates");
    for (SelectionCandidate c : selections) {
      ObjectNode e = candidates.addObject();
      e.put("name", c.name());
      e.put("method", c.method());
      e.put("proxyScale", c.proxyScale());
      e.put("computeRatio", c.computeRatio());
      e.put("predictedLoss", c.predictedLoss());
      ArrayNode examples = e.putArray("examples");
      for (int i : c.examples()) {
        examples.add(i);
      }
    }
    return s;
  }

  private static void interval(ObjectNode e, Lds lds) {
    ArrayNode ci = e.putArray("ci95");
    ci.add(lds.ci95().low());
    ci.add(lds.ci95().high());
  }
}
