package io.s2l.worker.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainingJobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's side of a run as the tests need it, on real files: {@link #prepare} makes the run
 * directory under an artifact store and writes {@code spec.json}; {@link #ingest} refuses a run
 * whose outputs are missing, as the real validation does, and records the runs it took.
 */
final class TestRuns implements KubernetesRuns {

  static final Duration TIMEOUT = Duration.ofHours(2);

  private final Path artifacts;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  final List<Double> ingested = new ArrayList<>();

  TestRuns(Path artifacts, Clock clock) {
    this.artifacts = artifacts;
    this.clock = clock;
  }

  @Override
  public PreparedRun prepare(ClaimedJob job, TrainingJobSpec spec) throws Exception {
    Path directory =
        artifacts.resolve(
            "runs/" + job.studyId() + "/job-" + job.id() + "/attempt-" + job.attempt());
    Path out = Files.createDirectories(directory.resolve("out"));
    PreparedRun run =
        new PreparedRun(
            directory, directory.resolve("spec.json"), out, clock.instant().plus(TIMEOUT));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("contract", "s2l-trainer/1");
    document.put("study", job.studyId().toString());
    document.put("run", spec.key());
    document.put("job", job.id());
    document.put("attempt", job.attempt());
    document.put("seed", spec.seed());
    document.put("outputDir", out.toString());
    document.put("deadline", run.deadline().toString());
    Files.writeString(run.specFile(), json.writeValueAsString(document));
    return run;
  }

  @Override
  public void ingest(ClaimedJob job, TrainingJobSpec spec, PreparedRun run, double wallSeconds) {
    for (String output : List.of("result.json", "losses.csv")) {
      if (!Files.isRegularFile(run.outputDirectory().resolve(output))) {
        throw new IllegalStateException(output + " is missing from " + run.outputDirectory());
      }
    }
    ingested.add(wallSeconds);
  }

  /** Writes what a trainer writes into {@code run}'s output directory. */
  static void writeOutputs(PreparedRun run) throws Exception {
    Files.writeString(
        run.outputDirectory().resolve("result.json"), "{\"contract\":\"s2l-trainer/1\"}");
    Files.writeString(run.outputDirectory().resolve("losses.csv"), "scale,params\n");
  }
}
