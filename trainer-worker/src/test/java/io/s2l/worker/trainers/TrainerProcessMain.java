package io.s2l.worker.trainers;

import io.s2l.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A worker reduced to running one trainer, for {@link WorkerKilledIT} to kill: {@code
 * TrainerProcessMain <run dir> <pid dir> <command...>}.
 */
public final class TrainerProcessMain {

  private TrainerProcessMain() {}

  public static void main(String[] args) throws Exception {
    Path runDir = Path.of(args[0]);
    List<String> command = Arrays.asList(args).subList(2, args.length);
    new TrainerProcess(
            new WorkerProperties.TrainerProcessSettings(
                true, Duration.ofSeconds(1), Duration.ofMillis(100), null),
            Path.of(args[1]))
        .run(
            runDir,
            runDir.resolve("spec.json"),
            command,
            Duration.ofMinutes(5),
            Instant.now().plusSeconds(3600),
            new RecordingContext());
  }
}
