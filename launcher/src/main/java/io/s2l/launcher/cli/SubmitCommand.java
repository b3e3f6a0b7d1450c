package io.s2l.launcher.cli;

import io.s2l.api.study.StudyView;
import io.s2l.client.S2lClient;
import io.s2l.launcher.demo.ProgressBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description =
        "Submit a study definition to a running platform and print the study's id. With --wait,"
            + " follow its progress (on stderr) until it finishes.",
    footer = ExitCodes.FOOTER)
final class SubmitCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.json", description = "the study definition")
  Path file;

  @Option(
      names = "--wait",
      description = "follow the study until it finishes; exit 1 when it fails or is cancelled")
  boolean wait;

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description =
          "submit at most once: the same key again answers with the study it created (for as long"
              + " as the service remembers it, s2l.experiment.idempotency-ttl)")
  String idempotencyKey;

  @Mixin RemoteOptions remote;

  @Override
  public Integer call() throws InterruptedException {
    String definition = read(file);
    S2lClient client = remote.client();
    Clock clock = Clock.systemUTC();
    Instant started = clock.instant();
    StudyView study = client.studies().submit(definition, idempotencyKey);
    System.out.println(study.id());
    if (!wait) {
      return ExitCodes.OK;
    }
    ProgressBar bar = new ProgressBar(System.err, System.console() != null);
    study = new StudyFollower(client, clock).follow(study, started, bar);
    String took = ProgressBar.clock(Duration.between(started, clock.instant()));
    if (study.completed()) {
      System.err.println(
          "s2l: study " + study.id() + " completed in " + took + "; ./s2l results " + study.id());
      return ExitCodes.OK;
    }
    System.err.println(
        "s2l: study "
            + study.id()
            + " "
            + study.status()
            + " after "
            + took
            + (study.failure() == null ? "" : ": " + study.failure()));
    return ExitCodes.STUDY_FAILED;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
