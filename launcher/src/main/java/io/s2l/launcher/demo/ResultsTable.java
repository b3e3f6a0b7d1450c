package io.s2l.launcher.demo;

import io.s2l.api.correlation.CorrelationEntry;
import io.s2l.api.correlation.PermutationSummary;
import io.s2l.api.correlation.ProxyRecommendation;
import io.s2l.api.correlation.ScaleCorrelationResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the scale-correlation table and a per-proxy summary. */
public final class ResultsTable {

  private ResultsTable() {}

  public static void print(ScaleCorrelationResult correlation, PrintStream out) {
    printTable(correlation, out);
    CeilingTable.print(correlation, out);
    boolean header = false;
    for (CorrelationEntry e : correlation.entries()) {
      if (Numbers.defined(e.proxyAccuracy())) {
        if (!header) {
          out.printf(
              "%nAccuracy against chance (a proxy near chance can still rank data correctly):%n");
          header = true;
        }
        out.printf(
            Locale.ROOT,
            "  %-6s %-26s proxy %.3f  reference %.3f  chance %.3f  R^2 %s%n",
            e.proxyScale(),
            e.evalSet(),
            e.proxyAccuracy(),
            Numbers.orZero(e.referenceAccuracy()),
            Numbers.orZero(e.chance()),
            number(e.r2()));
      }
    }
    MetricTable.print(correlation.metricDecisions(), out);
    ProxyRecommendation r = correlation.recommendation();
    if (r != null) {
      out.printf(
          "%nRecommended proxy (%s lower 95%% bound >= %s on every evaluation set): %s%n  %s%n",
          r.metric(),
          String.valueOf(r.threshold()),
          r.recommendedScale() == null ? "none" : r.recommendedScale(),
          r.reason());
    }
    ExtrapolationSection.print(correlation.extrapolation(), out);
  }

  private static void printTable(ScaleCorrelationResult correlation, PrintStream out) {
    List<CorrelationEntry> entries = correlation.entries();
    String reference = correlation.referenceScale();
    int distributions = entries.get(0).distributions();
    out.printf(
        "%nScale correlation against reference '%s' (%,d non-embedding params), across %d training"
            + " distributions%n%n",
        reference, entries.get(0).referenceParams(), distributions);
    String format = "%-6s %10s %9s  %-26s %8s %7s %9s %9s %12s%n";
    out.printf(
        format,
        "proxy",
        "params",
        "cheaper",
        "evaluation set",
        "pearson",
        "R^2",
        "spearman",
        "decision",
        "p(decision)");
    for (CorrelationEntry e : entries) {
      out.printf(
          format,
          e.proxyScale(),
          String.format(Locale.ROOT, "%,d", e.proxyParams()),
          String.format(Locale.ROOT, "%.1fx", Numbers.orZero(e.computeRatio())),
          e.evalSet(),
          number(e.pearsonR()),
          number(e.r2()),
          number(e.spearman()),
          number(e.decisionAccuracy()),
          e.permutation() == null ? "n/a" : pValue(e.permutation().decisionAccuracy()));
    }
    printTests(entries, correlation.options().resamples(), out);
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

  /** What p(decision) is, and how many bootstrap resamples the intervals had to leave out. */
  private static void printTests(List<CorrelationEntry> entries, int resamples, PrintStream out) {
    PermutationSummary test = entries.get(0).permutation();
    if (test == null) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%np(decision): one-sided permutation p-value of decision accuracy against no relation"
            + " (%s, %,d pairings)%n",
        test.method(),
        test.permutations());
    if (entries.get(0).droppedResamples() != null) {
      out.printf(
          Locale.ROOT,
          "Bootstrap resamples left out as undefined (a constant side), most in one entry:"
              + " decision accuracy %d, spearman %d, of %d%n",
          mostDropped(entries, "decisionAccuracy"),
          mostDropped(entries, "spearman"),
          resamples);
    }
  }

  private static int mostDropped(List<CorrelationEntry> entries, String statistic) {
    return entries.stream()
        .mapToInt(e -> e.droppedResamples().getOrDefault(statistic, 0))
        .max()
        .orElse(0);
  }

  static List<Summary> summarise(List<CorrelationEntry> entries) {
    Map<String, List<CorrelationEntry>> byProxy = new LinkedHashMap<>();
    for (CorrelationEntry e : entries) {
      byProxy.computeIfAbsent(e.proxyScale(), k -> new ArrayList<>()).add(e);
    }
    List<Summary> summaries = new ArrayList<>();
    byProxy.forEach(
        (proxy, list) ->
            summaries.add(
                new Summary(
                    proxy,
                    Numbers.orZero(list.get(0).computeRatio()),
                    mean(list, CorrelationEntry::r2),
                    list.stream()
                        .mapToDouble(CorrelationEntry::r2)
                        .filter(Double::isFinite)
                        .min()
                        .orElse(Double.NaN),
                    mean(list, CorrelationEntry::spearman),
                    mean(list, CorrelationEntry::decisionAccuracy))));
    return summaries;
  }

  private static double mean(
      List<CorrelationEntry> list, ToDoubleFunction<CorrelationEntry> field) {
    return list.stream().mapToDouble(field).filter(Double::isFinite).average().orElse(Double.NaN);
  }

  /** A p-value to four decimals (the resolution of 9999 pairings), or n/a when undefined. */
  private static String pValue(double value) {
    return Numbers.defined(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
  }

  /** A statistic to three decimals, or n/a when undefined. */
  private static String number(double value) {
    return Numbers.defined(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }

  record Summary(
      String proxy,
      double computeRatio,
      double meanR2,
      double minR2,
      double meanSpearman,
      double meanDecision) {}
}
