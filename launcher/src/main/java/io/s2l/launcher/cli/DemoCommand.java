package io.s2l.launcher.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.client.S2lClient;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.DemoRun;
import io.s2l.launcher.demo.PlotFiles;
import io.s2l.launcher.demo.ProgressBar;
import io.s2l.launcher.demo.ReferenceTrainer;
import io.s2l.launcher.demo.TrainerComparison;
import io.s2l.launcher.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start the platform, run the demo study (examples/demo-<preset>.json) end to end, print"
            + " the scale-correlation table, write the JSON report, shut everything down.")
final class DemoCommand implements Callable<Integer> {

  private static final List<String> KNOWN_TRAINERS = List.of("djl", ReferenceTrainer.NAME);

  @Option(
      names = "--preset",
      defaultValue = "standard",
      description =
          "quick (about 2 minutes on 2 cores), standard (about 20 minutes), digits, attribution,"
              + " selection, mixture, lm-attribution or lm-selection (each under 15 minutes): one"
              + " of the studies in examples/demo-<preset>.json; default ${DEFAULT-VALUE}")
  String preset;

  @Option(
      names = "--report",
      defaultValue = "s2l-report.json",
      description = "where the JSON report goes")
  Path report;

  @Option(
      names = "--timeout",
      defaultValue = "PT3H",
      description = "give up after this long (ISO-8601)")
  Duration timeout;

  @Option(
      names = "--trainer",
      defaultValue = "djl",
      split = ",",
      description =
          "who trains the models: djl (the built-in trainer), pytorch (trainers/pytorch, run by"
              + " /usr/bin/python3 or S2L_PYTHON), or djl,pytorch to train the study with both and"
              + " compare the conclusions; default ${DEFAULT-VALUE}")
  List<String> trainers;

  @Option(
      names = "--open",
      description =
          "open the dashboard in a browser and keep the platform up after the study until Ctrl-C")
  boolean open;

  @Mixin PlatformOptions platform;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path definitionFile =
        PlatformOptions.home().resolve("examples").resolve("demo-" + preset + ".json");
    if (!Files.isRegularFile(definitionFile)) {
      System.err.println("unknown preset '" + preset + "': " + definitionFile + " does not exist");
      return 2;
    }
    String definition = Files.readString(definitionFile);
    if (trainers.size() > 2 || trainers.stream().anyMatch(t -> !KNOWN_TRAINERS.contains(t))) {
      System.err.println("--trainer takes djl, pytorch or djl,pytorch; got " + trainers);
      return 2;
    }
    ReferenceTrainer pytorch = null;
    if (trainers.contains(ReferenceTrainer.NAME)) {
      try {
        pytorch = ReferenceTrainer.at(PlatformOptions.home());
      } catch (IllegalStateException e) {
        System.err.println("s2l: " + e.getMessage());
        return 2;
      }
    }
    Path logs = PlatformOptions.home().resolve(".s2l").resolve("logs");
    Clock clock = Clock.systemUTC();
    Instant begin = clock.instant();
    try (Platform running =
        Platform.start(platform.settings(null, 0, 0, logs), s -> System.out.println("s2l: " + s))) {
      Duration startup = Duration.between(begin, clock.instant());
      System.out.printf(
          "s2l: platform up in %.1f s (experiment %s, analysis %s; logs in %s)%n",
          startup.toMillis() / 1000.0, running.experimentUrl(), running.analysisUrl(), logs);
      System.out.println(
          "s2l: API key (admin): "
              + running.adminKey()
              + "  (curl -H 'Authorization: Bearer <key>' ...)");
      System.out.println("s2l: dashboard: " + running.dashboardUrl() + " (sign in with the key)");
      if (open) {
        System.out.println("s2l: " + Browser.open(running.dashboardUrl()));
      }
      S2lClient client =
          new S2lClient(running.experimentUrl(), running.analysisUrl(), running.adminKey());
      if (pytorch != null) {
        client.registerTrainer(pytorch.registration());
        System.out.println("s2l: registered trainer 'pytorch': " + pytorch.script());
      }
      List<DemoResult> results = new ArrayList<>();
      for (String trainer : trainers) {
        System.out.println(
            "s2l: submitting " + definitionFile.getFileName() + " (trainer " + trainer + ")");
        ProgressBar bar = new ProgressBar(System.out, System.console() != null);
        DemoResult result =
            new DemoRun(client, clock)
                .run(
                    DemoRun.withTrainer(definition, trainer),
                    bar,
                    () -> requireAlive(running),
                    timeout);
        result.print(System.out);
        results.add(result);
      }
      DemoResult result = results.get(0);
      ObjectNode json = DemoReport.build(preset, result, startup);
      if (results.size() == 2
          && results.get(0).scaleCorrelation() != null
          && results.get(1).scaleCorrelation() != null) {
        TrainerComparison comparison =
            TrainerComparison.of(
                trainers.get(0),
                results.get(0).scaleCorrelation(),
                trainers.get(1),
                results.get(1).scaleCorrelation());
        comparison.print(System.out);
        json.set("trainerComparison", comparison.toJson());
      }
      Path plots = PlotFiles.save(client, json, report);
      DemoReport.write(json, report);
      System.out.println("s2l: plots (SVG) saved in " + plots);
      for (DemoResult r : results) {
        System.out.printf(
            "%ns2l: study %s trained %d models in %.0f s",
            r.study().id(),
            r.runs().size(),
            Duration.between(r.submittedAt(), r.completedAt()).toMillis() / 1000.0);
      }
      System.out.printf("; report written to %s%n", report.toAbsolutePath());
      if (open) {
        System.out.println(
            "s2l: dashboard stays up at " + running.dashboardUrl() + "; Ctrl-C stops");
        new java.util.concurrent.CountDownLatch(1).await();
      }
      System.out.println("s2l: shutting down");
    }
    System.out.printf(
        "s2l: done in %s%n", ProgressBar.clock(Duration.between(begin, clock.instant())));
    return 0;
  }

  private static void requireAlive(Platform platform) {
    if (!platform.exitedProcesses().isEmpty()) {
      throw new IllegalStateException("process(es) exited: " + platform.exitedProcesses());
    }
  }
}
