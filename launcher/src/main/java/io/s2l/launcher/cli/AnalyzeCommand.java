package io.s2l.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.imports.ImportReceipt;
import io.s2l.api.study.StudyView;
import io.s2l.client.S2lClient;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.PlotFiles;
import io.s2l.launcher.demo.ResultsTable;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import io.s2l.study.RecommendationBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Analyse results trained elsewhere: import FILE (CSV with header"
            + " scale,params,tokens,distribution,seed,evalSet,exampleId,loss[,correct,chance], or"
            + " JSON) into an embedded database, run the scale-correlation analysis, print the"
            + " table and write the same report as ./s2l demo. --metric, --threshold and"
            + " --min-distributions choose the recommendation as the API's analysis options do.")
final class AnalyzeCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "the results file (.csv or .json)")
  Path file;

  @Option(names = "--reference", required = true, description = "the reference scale")
  String reference;

  @Option(
      names = "--report",
      defaultValue = "s2l-report.json",
      description = "where the JSON report goes")
  Path report;

  @Option(
      names = "--metric",
      description =
          "what the recommendation thresholds: decisionAccuracy (default) or r2 (its lower"
              + " bound must reach the threshold)")
  String metric;

  @Option(
      names = "--threshold",
      description = "the value the metric's lower bound must reach, in (0, 1] (default 0.8)")
  Double threshold;

  @Option(
      names = "--min-distributions",
      description = "the fewest distributions for any recommendation, from 3 to 1000 (default 6)")
  Integer minDistributions;

  @Option(
      names = "--timeout",
      defaultValue = "PT30M",
      description = "give up after this long (ISO-8601)")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      System.err.println("s2l: no such file: " + file);
      return 2;
    }
    String refused = refusedOption();
    if (refused != null) {
      System.err.println("s2l: " + refused);
      return 2;
    }
    Clock clock = Clock.systemUTC();
    Instant begin = clock.instant();
    Path logs = PlatformOptions.home().resolve(".s2l").resolve("logs");
    PlatformSettings settings =
        new PlatformSettings(
            PlatformOptions.home(), PlatformOptions.externalDatabase(), null, false, 0, 0, 0, logs);
    try (Platform running = Platform.start(settings, s -> System.out.println("s2l: " + s))) {
      Duration startup = Duration.between(begin, clock.instant());
      S2lClient client = new S2lClient(null, running.analysisUrl(), running.adminKey());
      System.out.printf("s2l: importing %s (%,d bytes)%n", file, Files.size(file));
      Instant submitted = clock.instant();
      ImportReceipt receipt =
          client.importFile(file, reference, metric, threshold, minDistributions);
      UUID id = receipt.id();
      Instant imported = clock.instant();
      System.out.printf(
          "s2l: imported %,d rows in %.1f s; analysing%n",
          receipt.rows(), Duration.between(submitted, imported).toMillis() / 1000.0);
      Optional<ScaleCorrelationResult> analysis;
      while ((analysis = client.scaleCorrelationIfReady(id)).isEmpty()) {
        if (Duration.between(begin, clock.instant()).compareTo(timeout) > 0) {
          throw new IllegalStateException("no analysis of import " + id + " within " + timeout);
        }
        Thread.sleep(200);
      }
      Instant done = clock.instant();
      ResultsTable.print(analysis.get(), System.out);
      DemoResult result =
          new DemoResult(
              study(receipt),
              analysis.get(),
              null,
              null,
              null,
              client.runs(id),
              submitted,
              imported,
              done);
      ObjectNode json = DemoReport.build("import", result, startup);
      Path plots = PlotFiles.save(client, json, report);
      DemoReport.write(json, report);
      System.out.println("s2l: plots (SVG) saved in " + plots);
      System.out.printf("%ns2l: report written to %s%n", report.toAbsolutePath());
    }
    return 0;
  }

  /**
   * Why an option is out of the API's bounds ({@link RecommendationBounds}), or null: checked
   * before the platform starts, so a typo costs no start-up.
   */
  String refusedOption() {
    return RecommendationBounds.problem(metric, threshold, minDistributions)
        .map(e -> OPTIONS.get(e.field()) + " " + e.reason())
        .orElse(null);
  }

  /** The option that sets each field the bounds name. */
  private static final Map<String, String> OPTIONS =
      Map.of(
          "metric", "--metric",
          "threshold", "--threshold",
          "minDistributions", "--min-distributions");

  /** The import as the report's study block: its receipt in a completed study's shape. */
  private static StudyView study(ImportReceipt receipt) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode plan = json.createObjectNode();
    plan.set("scales", json.valueToTree(receipt.scales()));
    plan.put("distributions", receipt.distributions());
    plan.put("seeds", receipt.seeds());
    plan.set("evalSets", json.valueToTree(receipt.evalSets()));
    plan.put("rows", receipt.rows());
    plan.put("sha256", receipt.sha256());
    return new StudyView(
        receipt.id(),
        receipt.name(),
        "COMPLETED",
        receipt.referenceScale(),
        null,
        null,
        null,
        null,
        plan);
  }
}
