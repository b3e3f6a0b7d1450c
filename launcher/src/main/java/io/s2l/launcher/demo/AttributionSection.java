package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.GroundTruthSize;
import io.s2l.api.attribution.LassoCheck;
import io.s2l.api.attribution.ScaleLds;
import java.io.PrintStream;
import java.util.Locale;

/** The report's {@code attribution} section and its table on the terminal. */
public final class AttributionSection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AttributionSection() {}

  /** The section: the analysis as served, LDS rows first. */
  public static ObjectNode of(AttributionResult attribution) {
    ObjectNode section = JSON.createObjectNode();
    section.put("version", attribution.version() == null ? 0 : attribution.version());
    section.put("referenceScale", attribution.referenceScale());
    section.put("pool", attribution.pool());
    section.put("targets", attribution.targets());
    ArrayNode lds = section.putArray("lds");
    for (ScaleLds e : attribution.lds()) {
      ObjectNode row = lds.addObject();
      row.put("scale", e.scale());
      row.put("lds", e.lds());
      row.set("ci95", JSON.valueToTree(e.ci95()));
      row.put("computeRatio", e.computeRatio());
      row.put("orderSimilarityToReference", e.orderSimilarityToReference());
    }
    section.set("lasso", JSON.valueToTree(attribution.lasso()));
    section.set("orderSimilarity", JSON.valueToTree(attribution.orderSimilarity()));
    section.set("groundTruth", JSON.valueToTree(attribution.groundTruth()));
    section.set("settings", JSON.valueToTree(attribution.settings()));
    return section;
  }

  public static void print(AttributionResult attribution, PrintStream out) {
    GroundTruthSize truth = attribution.groundTruth();
    boolean lds = truth != null;
    out.printf(
        Locale.ROOT,
        "%nAttribution: TRAK at each scale%s (%d targets, pool of %d)%n",
        lds ? " against " + truth.models() + " reference models on random subsets" : "",
        attribution.targets(),
        attribution.pool());
    out.printf(
        Locale.ROOT,
        "  %-10s %10s %8s %18s %16s%n",
        "scale",
        "compute",
        "LDS",
        "95% CI",
        "order sim. to ref");
    for (ScaleLds e : attribution.lds()) {
      out.printf(
          Locale.ROOT,
          "  %-10s %9.1fx %8s %18s %16.3f%n",
          e.scale(),
          e.computeRatio(),
          lds ? String.format(Locale.ROOT, "%.3f", e.lds()) : "-",
          lds
              ? String.format(Locale.ROOT, "[%6.3f, %6.3f]", e.ci95().get(0), e.ci95().get(1))
              : "-",
          e.orderSimilarityToReference());
    }
    LassoCheck lasso = attribution.lasso();
    if (lasso != null) {
      out.printf(
          Locale.ROOT,
          "  LASSO datamodel (fitted on %d subsets, scored on %d): LDS %.3f [%.3f, %.3f]%n",
          lasso.fittedOnSubsets(),
          lasso.scoredOnSubsets(),
          lasso.lds(),
          lasso.ci95().get(0),
          lasso.ci95().get(1));
    }
  }
}
