package io.s2l.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.PlotFiles;
import io.s2l.launcher.demo.ResultsTable;
import io.s2l.launcher.demo.StudyClient;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
            + " table and write the same report as ./s2l demo.")
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
    Clock clock = Clock.systemUTC();
    Instant begin = clock.instant();
    Path logs = PlatformOptions.home().resolve(".s2l").resolve("logs");
    PlatformSettings settings =
        new PlatformSettings(
            PlatformOptions.home(), PlatformOptions.externalDatabase(), null, false, 0, 0, 0, logs);
    try (Platform running = Platform.start(settings, s -> System.out.println("s2l: " + s))) {
      Duration startup = Duration.between(begin, clock.instant());
      StudyClient client = new StudyClient(null, running.analysisUrl(), running.adminKey());
      System.out.printf("s2l: importing %s (%,d bytes)%n", file, Files.size(file));
      Instant submitted = clock.instant();
      JsonNode receipt = client.importFile(file, reference);
      String id = receipt.get("id").asText();
      Instant imported = clock.instant();
      System.out.printf(
          "s2l: imported %,d rows in %.1f s; analysing%n",
          receipt.get("rows").asLong(), Duration.between(submitted, imported).toMillis() / 1000.0);
      JsonNode analysis;
      while ((analysis = client.analysisIfReady(id)) == null) {
        if (Duration.between(begin, clock.instant()).compareTo(timeout) > 0) {
          throw new IllegalStateException("no analysis of import " + id + " within " + timeout);
        }
        Thread.sleep(200);
      }
      Instant done = clock.instant();
      ResultsTable.print(analysis, System.out);
      DemoResult result =
          new DemoResult(
              study(receipt), analysis, null, null, client.runs(id), submitted, imported, done);
      ObjectNode json = DemoReport.build("import", result, startup);
      Path plots = PlotFiles.save(client, json, report);
      DemoReport.write(json, report);
      System.out.println("s2l: plots (SVG) saved in " + plots);
      System.out.printf("%ns2l: report written to %s%n", report.toAbsolutePath());
    }
    return 0;
  }

  /** The import as the report's study block. */
  private static JsonNode study(JsonNode receipt) {
    ObjectNode study = new ObjectMapper().createObjectNode();
    study.put("id", receipt.get("id").asText());
    study.put("name", receipt.get("name").asText());
    study.put("status", "COMPLETED");
    study.put("referenceScale", receipt.get("referenceScale").asText());
    ObjectNode plan = study.putObject("plan");
    plan.set("scales", receipt.get("scales"));
    plan.put("distributions", receipt.get("distributions").asInt());
    plan.put("seeds", receipt.get("seeds").asInt());
    plan.set("evalSets", receipt.get("evalSets"));
    plan.put("rows", receipt.get("rows").asLong());
    plan.put("sha256", receipt.get("sha256").asText());
    return study;
  }
}
