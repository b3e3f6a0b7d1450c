package io.s2l.launcher.demo;

import io.s2l.api.correlation.MetricDecisionEntry;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the decision accuracy of each proxy metric (docs/science.md section 2.12): per proxy and
 * evaluation set with answers, how often the metric orders a pair of distributions as the
 * reference's accuracy (or, on answer sets, loss) does, the best marked with a star.
 */
final class MetricTable {

  /** Metric keys in the order of the result, and their column headers. */
  private static final List<String> KEYS =
      List.of("loss", "bitsPerByte", "correctProb", "normCorrectProb", "margin", "accuracy");

  private static final List<String> HEADERS =
      List.of("loss", "bits/byte", "p(correct)", "p(norm)", "margin", "accuracy");

  private MetricTable() {}

  static void print(List<MetricDecisionEntry> decisions, PrintStream out) {
    if (decisions == null || decisions.isEmpty()) {
      return;
    }
    out.printf(
        "%nDecision accuracy by metric (the proxy's ranking of distributions by each metric against"
            + " the reference's ranking by accuracy, or by loss on sets without accuracy; * best):%n");
    String format = "  %-6s %-26s %-9s" + " %11s".repeat(KEYS.size()) + "%n";
    Object[] header = new Object[3 + KEYS.size()];
    header[0] = "proxy";
    header[1] = "evaluation set";
    header[2] = "target";
    for (int i = 0; i < KEYS.size(); i++) {
      header[3 + i] = HEADERS.get(i);
    }
    out.printf(format, header);
    for (MetricDecisionEntry d : decisions) {
      Object[] row = new Object[3 + KEYS.size()];
      row[0] = d.proxyScale();
      row[1] = d.evalSet();
      row[2] = "referenceAccuracy".equals(d.target()) ? "accuracy" : "loss";
      for (int i = 0; i < KEYS.size(); i++) {
        String key = KEYS.get(i);
        Double value = d.decisionAccuracy().get(key);
        row[3 + i] =
            !Numbers.defined(value)
                ? (d.decisionAccuracy().containsKey(key) ? "n/a" : "-")
                : String.format(Locale.ROOT, "%.3f", value)
                    + (key.equals(d.bestMetric()) ? "*" : " ");
      }
      out.printf(format, row);
    }
  }
}
