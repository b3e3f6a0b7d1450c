package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.DocumentExcerpt;
import io.s2l.api.attribution.GroundTruthSize;
import io.s2l.api.attribution.LassoCheck;
import io.s2l.api.attribution.ScaleLds;
import io.s2l.api.attribution.TargetDocuments;
import java.io.PrintStream;
import java.util.List;
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
    section.put("targetSet", attribution.targetSet());
    ArrayNode lds = section.putArray("lds");
    for (ScaleLds e : attribution.lds()) {
      ObjectNode row = lds.addObject();
      row.put("scale", e.scale());
      row.put("lds", e.lds());
      row.set("ci95", JSON.valueToTree(e.ci95()));
      row.put("computeRatio", e.computeRatio());
      row.put("models", e.models());
      row.put("checkpoints", e.checkpoints());
      row.put("pairedDifference", e.pairedDifference());
      row.set("pairedCi95", JSON.valueToTree(e.pairedCi95()));
      row.put("heldOutLds", e.heldOutLds());
      row.set("heldOutCi95", JSON.valueToTree(e.heldOutCi95()));
      row.put("heldOutMinusLasso", e.heldOutMinusLasso());
      row.set("heldOutMinusLassoCi95", JSON.valueToTree(e.heldOutMinusLassoCi95()));
      row.put("orderSimilarityToReference", e.orderSimilarityToReference());
    }
    section.set("topDocuments", JSON.valueToTree(attribution.topDocuments()));
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
        "  %-10s %10s %8s %18s %10s %18s %16s%n",
        "scale",
        "compute",
        "LDS",
        "95% CI",
        "LDS - ref",
        "paired 95% CI",
        "order sim. to ref");
    for (ScaleLds e : attribution.lds()) {
      boolean paired = lds && e.pairedDifference() != null;
      out.printf(
          Locale.ROOT,
          "  %-10s %9.1fx %8s %18s %10s %18s %16.3f%n",
          e.scale(),
          e.computeRatio(),
          number(e.lds()),
          interval(e.ci95()),
          paired ? String.format(Locale.ROOT, "%+.3f", e.pairedDifference()) : "-",
          paired ? interval(e.pairedCi95()) : "-",
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
      for (ScaleLds e : attribution.lds()) {
        if (e.heldOutLds() != null) {
          out.printf(
              Locale.ROOT,
              "    TRAK at %-10s on the same %d held-out subsets: LDS %.3f %s,"
                  + " minus LASSO %+.3f %s (paired)%n",
              e.scale(),
              lasso.scoredOnSubsets(),
              e.heldOutLds(),
              interval(e.heldOutCi95()),
              e.heldOutMinusLasso(),
              interval(e.heldOutMinusLassoCi95()));
        }
      }
    }
    if (attribution.topDocuments() != null && !attribution.topDocuments().isEmpty()) {
      printDocuments(attribution, out);
    }
  }

  /**
   * The first target's most helpful and harmful documents at the reference and at the cheapest
   * proxy, so that a reader sees what the scores mean.
   */
  private static void printDocuments(AttributionResult attribution, PrintStream out) {
    List<TargetDocuments> all = attribution.topDocuments();
    int target = all.get(0).target();
    String cheapest =
        attribution.lds().stream()
            .max(java.util.Comparator.comparingDouble(ScaleLds::computeRatio))
            .map(ScaleLds::scale)
            .orElse(attribution.referenceScale());
    for (TargetDocuments d : all) {
      if (d.target() != target
          || !(d.scale().equals(attribution.referenceScale()) || d.scale().equals(cheapest))) {
        continue;
      }
      out.printf(
          Locale.ROOT, "%n  Target %s (%s): \"%s\"%n", d.targetId(), d.scale(), d.targetExcerpt());
      for (DocumentExcerpt e : d.helpful()) {
        out.printf(Locale.ROOT, "    helps  %+.2e  %s: \"%s\"%n", e.score(), e.id(), e.excerpt());
      }
      for (DocumentExcerpt e : d.harmful()) {
        out.printf(Locale.ROOT, "    harms  %+.2e  %s: \"%s\"%n", e.score(), e.id(), e.excerpt());
      }
    }
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String interval(List<Double> ci) {
    return ci == null ? "-" : String.format(Locale.ROOT, "[%6.3f, %6.3f]", ci.get(0), ci.get(1));
  }
}
