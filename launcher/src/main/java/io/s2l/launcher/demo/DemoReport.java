package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.study.StudyView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The demo's JSON report; its schema is documented in README.md ("The report"). */
public final class DemoReport {

  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DemoReport() {}

  /**
   * @param platformStart how long the platform took to start, or null when it was already running
   *     (then, as when {@code result} does not know when training ended, the timings leave out what
   *     they cannot tell)
   */
  public static ObjectNode build(String preset, DemoResult result, Duration platformStart) {
    ObjectNode report = JSON.createObjectNode();
    report.put("schemaVersion", SCHEMA_VERSION);
    report.put("preset", preset);
    StudyView study = result.study();
    report.put("studyId", study.id().toString());
    report.put("studyName", study.name());
    report.put("status", study.status());
    report.put("referenceScale", study.referenceScale());
    report.set("plan", study.plan());
    ObjectNode timings = report.putObject("timings");
    if (platformStart != null) {
      timings.put("platformStartSeconds", seconds(platformStart));
    }
    if (result.trainedAt() != null) {
      timings.put(
          "import".equals(preset) ? "importSeconds" : "trainingSeconds",
          seconds(Duration.between(result.submittedAt(), result.trainedAt())));
      timings.put(
          "analysisSeconds", seconds(Duration.between(result.trainedAt(), result.completedAt())));
    }
    timings.put(
        "studySeconds", seconds(Duration.between(result.submittedAt(), result.completedAt())));
    report.put("submittedAt", result.submittedAt().toString());
    report.put("completedAt", result.completedAt().toString());
    if (result.scaleCorrelation() != null) {
      scaleCorrelation(report, result.scaleCorrelation());
    }
    if (result.attribution() != null) {
      report.set("attribution", AttributionSection.of(result.attribution()));
      if (result.attribution().ldsPlot() != null) {
        plots(report).put("lds", result.attribution().ldsPlot());
      }
    }
    if (result.selection() != null) {
      report.set("selection", SelectionSection.of(result.selection()));
      plots(report).put("gain", result.selection().gainPlot());
    } else if (result.mixture() != null) {
      report.set("selection", SelectionSection.of(result.mixture()));
      plots(report).put("gain", result.mixture().gainPlot());
    }
    report.set("runs", JSON.valueToTree(result.runs()));
    return report;
  }

  private static void scaleCorrelation(ObjectNode report, ScaleCorrelationResult correlation) {
    report.put("analysisVersion", correlation.version() == null ? 0 : correlation.version());
    report.set("analysisOptions", JSON.valueToTree(correlation.options()));
    report.set("scaleCorrelation", JSON.valueToTree(correlation.entries()));
    report.set("recommendation", JSON.valueToTree(correlation.recommendation()));
    report.set("plots", JSON.valueToTree(correlation.plots()));
    if (correlation.metricDecisions() != null) {
      report.set("metricDecisions", JSON.valueToTree(correlation.metricDecisions()));
    }
    ArrayNode summary = report.putArray("summary");
    for (ResultsTable.Summary s : ResultsTable.summarise(correlation.entries())) {
      ObjectNode row = summary.addObject();
      row.put("proxyScale", s.proxy());
      row.put("computeRatio", s.computeRatio());
      row.put("meanR2", s.meanR2());
      row.put("minR2", s.minR2());
      row.put("meanSpearman", s.meanSpearman());
      row.put("meanDecisionAccuracy", s.meanDecision());
    }
    if (correlation.noiseCeiling() != null) {
      report.set("noiseCeiling", JSON.valueToTree(correlation.noiseCeiling()));
    }
    if (correlation.extrapolation() != null) {
      report.set("extrapolation", JSON.valueToTree(correlation.extrapolation()));
    }
  }

  private static ObjectNode plots(ObjectNode report) {
    return report.has("plots") ? (ObjectNode) report.get("plots") : report.putObject("plots");
  }

  public static void write(ObjectNode report, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  private static double seconds(Duration d) {
    return Math.round(d.toMillis() / 100.0) / 10.0;
  }
}
