package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the scale-correlation table and a per-proxy summary. */
public final class ResultsTable {

  private ResultsTable() {}

  public static void print(JsonNode correlation, PrintStream out) {
    printTable(correlation, out);
    boolean header = false;
    for (JsonNode e : correlation.get("entries")) {
      if (e.hasNonNull("proxyAccuracy")) {
        if (!header) {
          out.printf(
              "%nAccuracy against chance (a proxy near chance can still rank data correctly):%n");
          header = true;
        }
        out.printf(
            Locale.ROOT,
            "  %-6s %-26s proxy %.3f  reference %.3f  chance %.3f  R^2 %s%n",
            e.get("proxyScale").asText(),
            e.get("evalSet").asText(),
            e.get("proxyAccuracy").asDouble(),
            e.get("referenceAccuracy").asDouble(),
            e.get("chance").asDouble(),
            number(e.get("r2")));
      }
    }
    JsonNode r = correlation.get("recommendation");
    if (r != null) {
      out.printf(
          "%nRecommended proxy (%s lower 95%% bound >= %s on every evaluation set): %s%n  %s%n",
          r.get("metric").asText(),
          r.get("threshold").asText(),
          r.get("recommendedScale").isNull() ? "none" : r.get("recommendedScale").asText(),
          r.get("reason").asText());
    }
  }

  private static void printTable(JsonNode correlation, PrintStream out) {
    JsonNode entries = correlation.get("entries");
    String reference = correlation.get("referenceScale").asText();
    int distributions = entries.get(0).get("distributions").asInt();
    out.printf(
        "%nScale correlation against reference '%s' (%,d non-embedding params), across %d training"
            + " distributions%n%n",
        reference, entries.get(0).get("referenceParams").asLong(), distributions);
    String format = "%-6s %10s %9s  %-26s %8s %7s %9s %9s%n";
    out.printf(
        format,
        "proxy",
        "params",
        "cheaper",
        "evaluation set",
        "pearson",
        "R^2",
        "spearman",
        "decision");
    for (JsonNode e : entries) {
      out.printf(
          format,
          e.get("proxyScale").asText(),
          String.format(Locale.ROOT, "%,d", e.get("proxyParams").asLong()),
          String.format(Locale.ROOT, "%.1fx", e.get("computeRatio").asDouble()),
          e.get("evalSet").asText(),
          number(e.get("pearsonR")),
          number(e.get("r2")),
          number(e.get("spearman")),
          number(e.get("decisionAccuracy")));
    }
    out.printf("%nPer proxy, over evaluation sets:%n");
    for (Summary s : summarise(entries)) {
      out.printf(
          Locale.ROOT,
          "  %-6s %7.1fx cheaper   mean R^2 %.3f (min %.3f)   mean spearman %.3f   mean decision accuracy %.3f%n",
          s.proxy,
          s.computeRatio,
          s.meanR2,
          s.minR2,
          s.meanSpearman,
          s.meanDecision);
    }
  }

  static List<Summary> summarise(JsonNode entries) {
    Map<String, List<JsonNode>> byProxy = new LinkedHashMap<>();
    for (JsonNode e : entries) {
      byProxy.computeIfAbsent(e.get("proxyScale").asText(), k -> new ArrayList<>()).add(e);
    }
    List<Summary> summaries = new ArrayList<>();
    byProxy.forEach(
        (proxy, list) ->
            summaries.add(
                new Summary(
                    proxy,
                    list.get(0).get("computeRatio").asDouble(),
                    mean(list, "r2"),
                    list.stream()
                        .mapToDouble(e -> value(e.get("r2")))
                        .filter(Double::isFinite)
                        .min()
                        .orElse(Double.NaN),
                    mean(list, "spearman"),
                    mean(list, "decisionAccuracy"))));
    return summaries;
  }

  private static double mean(List<JsonNode> list, String field) {
    return list.stream()
        .mapToDouble(e -> value(e.get(field)))
        .filter(Double::isFinite)
        .average()
        .orElse(Double.NaN);
  }

  private static double value(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static String number(JsonNode n) {
    return n == null || n.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f", n.asDouble());
  }

  record Summary(
      String proxy,
      double computeRatio,
      double meanR2,
      double minR2,
      double meanSpearman,
      double meanDecision) {}
}
