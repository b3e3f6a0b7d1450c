package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.correlation.ScaleCorrelationResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The same study trained by two trainers, side by side: each proxy's mean R^2 over evaluation sets
 * under both, and both recommendations. Two implementations of one model family agree when every
 * proxy's mean R^2 differs by at most {@link #TOLERANCE} and they recommend the same proxy: the
 * conclusions a user draws do not depend on which trainer produced the losses.
 */
public record TrainerComparison(
    String first,
    String second,
    List<Row> rows,
    String firstRecommendation,
    String secondRecommendation) {

  /**
   * Largest difference of a proxy's mean R^2 between the trainers that still counts as agreeing.
   */
  public static final double TOLERANCE = 0.1;

  /** One proxy: its mean R^2 over evaluation sets under each trainer. */
  public record Row(String proxy, double computeRatio, double firstMeanR2, double secondMeanR2) {
    public double difference() {
      return secondMeanR2 - firstMeanR2;
    }
  }

  public static TrainerComparison of(
      String first, ScaleCorrelationResult a, String second, ScaleCorrelationResult b) {
    Map<String, ResultsTable.Summary> other =
        ResultsTable.summarise(b.entries()).stream()
            .collect(Collectors.toMap(ResultsTable.Summary::proxy, Function.identity()));
    List<Row> rows = new ArrayList<>();
    for (ResultsTable.Summary s : ResultsTable.summarise(a.entries())) {
      ResultsTable.Summary t = other.get(s.proxy());
      if (t == null) {
        throw new IllegalArgumentException("proxy " + s.proxy() + " is missing under " + second);
      }
      rows.add(new Row(s.proxy(), s.computeRatio(), s.meanR2(), t.meanR2()));
    }
    return new TrainerComparison(first, second, rows, recommended(a), recommended(b));
  }

  /** Whether every proxy is within {@link #TOLERANCE} and the recommendations are the same. */
  public boolean agrees() {
    return sameRecommendation()
        && rows.stream().allMatch(r -> Math.abs(r.difference()) <= TOLERANCE);
  }

  public boolean sameRecommendation() {
    return Objects.equals(firstRecommendation, secondRecommendation);
  }

  public void print(PrintStream out) {
    out.printf(
        "%nThe same study trained by %s and by %s: mean R^2 over evaluation sets per proxy%n%n",
        first, second);
    String format = "%-8s %9s %12s %12s %11s%n";
    out.printf(format, "proxy", "cheaper", first, second, "difference");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          format,
          r.proxy(),
          String.format(Locale.ROOT, "%.1fx", r.computeRatio()),
          String.format(Locale.ROOT, "%.3f", r.firstMeanR2()),
          String.format(Locale.ROOT, "%.3f", r.secondMeanR2()),
          String.format(Locale.ROOT, "%+.3f", r.difference()));
    }
    out.printf(
        "%nRecommended proxy: %s (%s), %s (%s)%n",
        firstRecommendation, first, secondRecommendation, second);
    out.printf(
        "The trainers %s (every |difference| <= %.1f and the same recommendation)%n",
        agrees() ? "agree" : "DISAGREE", TOLERANCE);
  }

  /** The comparison as the report's {@code trainerComparison} section. */
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("first", first).put("second", second).put("tolerance", TOLERANCE);
    var array = json.putArray("proxies");
    for (Row r : rows) {
      array
          .addObject()
          .put("proxy", r.proxy())
          .put("computeRatio", r.computeRatio())
          .put("firstMeanR2", r.firstMeanR2())
          .put("secondMeanR2", r.secondMeanR2())
          .put("difference", r.difference());
    }
    json.put("firstRecommendation", firstRecommendation);
    json.put("secondRecommendation", secondRecommendation);
    json.put("agree", agrees());
    return json;
  }

  private static String recommended(ScaleCorrelationResult result) {
    var r = result.recommendation();
    return r == null || r.recommendedScale() == null ? "none" : r.recommendedScale();
  }
}
