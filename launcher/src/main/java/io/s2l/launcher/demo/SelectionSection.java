package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintStream;
import java.util.Locale;

/** The report's {@code selection} section and its table on the terminal. */
public final class SelectionSection {

  private SelectionSection() {}

  /** One object per verified selection, as the verification served it. */
  public static ArrayNode of(JsonNode selection) {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    for (JsonNode e : selection.get("entries")) {
      var row = rows.addObject();
      row.put("method", e.get("method").asText());
      row.set("proxyScale", e.get("proxyScale"));
      row.set("computeRatio", e.get("computeRatio"));
      row.set("predictedLoss", e.get("predictedLoss"));
      row.put("verifiedLoss", e.get("verifiedLoss").asDouble());
      row.put("randomLoss", e.get("randomLoss").asDouble());
      row.put("gainOverRandom", e.get("gainOverRandom").asDouble());
      row.set("ci95", e.get("ci95"));
      row.set("verifiedAccuracy", e.get("verifiedAccuracy"));
      row.set("randomAccuracy", e.get("randomAccuracy"));
      if (selection.has("size")) {
        row.put("size", selection.get("size").asInt());
        row.put("holdoutTargets", selection.get("holdoutTargets").asInt());
      } else {
        row.put("target", selection.get("target").asText());
        row.set("weights", e.get("weights"));
        row.put("leaveOneOutR2", e.get("leaveOneOutR2").asDouble());
      }
    }
    return rows;
  }

  public static void print(JsonNode selection, PrintStream out) {
    JsonNode random = selection.get("random");
    if (selection.has("size")) {
      out.printf(
          Locale.ROOT,
          "%nSelection: %d pool examples each, verified by the reference on %d holdout targets"
              + " (random: %d draws, loss %.3f)%n",
          selection.get("size").asInt(),
          selection.get("holdoutTargets").asInt(),
          random.get("draws").asInt(),
          random.get("loss").asDouble());
    } else {
      out.printf(
          Locale.ROOT,
          "%nMixtures recommended for %s, verified by the reference on its %d examples"
              + " (random mixtures: %d, loss %.3f)%n",
          selection.get("target").asText(),
          selection.get("examples").asInt(),
          random.get("draws").asInt(),
          random.get("loss").asDouble());
    }
    out.printf(
        Locale.ROOT,
        "  %-16s %-6s %9s %10s %9s %9s %19s %8s%n",
        "method",
        "proxy",
        "compute",
        "predicted",
        "verified",
        "gain",
        "95% CI",
        "accuracy");
    for (JsonNode e : selection.get("entries")) {
      boolean proxy = e.hasNonNull("proxyScale");
      out.printf(
          Locale.ROOT,
          "  %-16s %-6s %9s %10s %9.3f %9.3f   [%6.3f, %6.3f] %8s%n",
          e.get("method").asText(),
          proxy ? e.get("proxyScale").asText() : "-",
          proxy ? String.format(Locale.ROOT, "%.1fx", e.get("computeRatio").asDouble()) : "-",
          proxy ? String.format(Locale.ROOT, "%.3f", e.get("predictedLoss").asDouble()) : "-",
          e.get("verifiedLoss").asDouble(),
          e.get("gainOverRandom").asDouble(),
          e.get("ci95").get(0).asDouble(),
          e.get("ci95").get(1).asDouble(),
          e.hasNonNull("verifiedAccuracy")
              ? String.format(Locale.ROOT, "%.3f", e.get("verifiedAccuracy").asDouble())
              : "-");
    }
  }
}
