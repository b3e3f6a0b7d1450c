package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;

/** The report's {@code attribution} section and its table on the terminal. */
public final class AttributionSection {

  private AttributionSection() {}

  /** The section: the analysis as served, LDS rows first. */
  public static ObjectNode of(JsonNode attribution) {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    section.put("version", attribution.get("version").asInt());
    section.put("referenceScale", attribution.get("referenceScale").asText());
    section.put("pool", attribution.get("pool").asInt());
    section.put("targets", attribution.get("targets").asInt());
    ArrayNode lds = section.putArray("lds");
    for (JsonNode e : attribution.get("lds")) {
      ObjectNode row = lds.addObject();
      row.put("scale", e.get("scale").asText());
      row.set("lds", e.get("lds"));
      row.set("ci95", e.get("ci95"));
      row.put("computeRatio", e.get("computeRatio").asDouble());
      row.put("orderSimilarityToReference", e.get("orderSimilarityToReference").asDouble());
    }
    section.set("lasso", attribution.get("lasso"));
    section.set("orderSimilarity", attribution.get("orderSimilarity"));
    section.set("groundTruth", attribution.get("groundTruth"));
    section.set("settings", attribution.get("settings"));
    return section;
  }

  public static void print(JsonNode attribution, PrintStream out) {
    JsonNode truth = attribution.get("groundTruth");
    boolean lds = truth != null && !truth.isNull();
    out.printf(
        Locale.ROOT,
        "%nAttribution: TRAK at each scale%s (%d targets, pool of %d)%n",
        lds
            ? " against " + truth.get("models").asInt() + " reference models on random subsets"
            : "",
        attribution.get("targets").asInt(),
        attribution.get("pool").asInt());
    out.printf(
        Locale.ROOT,
        "  %-10s %10s %8s %18s %16s%n",
        "scale",
        "compute",
        "LDS",
        "95% CI",
        "order sim. to ref");
    for (JsonNode e : attribution.get("lds")) {
      out.printf(
          Locale.ROOT,
          "  %-10s %9.1fx %8s %18s %16.3f%n",
          e.get("scale").asText(),
          e.get("computeRatio").asDouble(),
          lds ? String.format(Locale.ROOT, "%.3f", e.get("lds").asDouble()) : "-",
          lds
              ? String.format(
                  Locale.ROOT,
                  "[%6.3f, %6.3f]",
                  e.get("ci95").get(0).asDouble(),
                  e.get("ci95").get(1).asDouble())
              : "-",
          e.get("orderSimilarityToReference").asDouble());
    }
    JsonNode lasso = attribution.get("lasso");
    if (lasso != null && !lasso.isNull()) {
      out.printf(
          Locale.ROOT,
          "  LASSO datamodel (fitted on %d subsets, scored on %d): LDS %.3f [%.3f, %.3f]%n",
          lasso.get("fittedOnSubsets").asInt(),
          lasso.get("scoredOnSubsets").asInt(),
          lasso.get("lds").asDouble(),
          lasso.get("ci95").get(0).asDouble(),
          lasso.get("ci95").get(1).asDouble());
    }
  }
}
