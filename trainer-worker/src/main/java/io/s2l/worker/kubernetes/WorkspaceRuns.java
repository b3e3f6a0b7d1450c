package io.s2l.worker.kubernetes;

import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainingJobSpec;
import io.s2l.worker.trainers.RunDirectory;
import io.s2l.worker.trainers.TrainerOutputs;
import io.s2l.worker.trainers.TrainerWorkspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's run directories and output checks: exactly those of a trainer run as a child
 * process ({@link TrainerWorkspace}, {@link TrainerOutputs}), so a run is the same wherever it
 * trained. A prepared directory is remembered until its outputs are ingested or abandoned; an
 * attempt prepares and ingests in the same process, and a new attempt prepares a new directory.
 */
@Component
class WorkspaceRuns implements KubernetesRuns {

  private final TrainerWorkspace workspace;
  private final TrainerOutputs outputs;
  private final Map<Path, RunDirectory> prepared = new ConcurrentHashMap<>();

  WorkspaceRuns(TrainerWorkspace workspace, TrainerOutputs outputs) {
    this.workspace = workspace;
    this.outputs = outputs;
  }

  @Override
  public PreparedRun prepare(ClaimedJob job, TrainingJobSpec spec) throws Exception {
    RunDirectory run = workspace.prepare(job, spec);
    Path dir = run.dir().toAbsolutePath().normalize();
    prepared.put(dir, run);
    return new PreparedRun(
        dir,
        run.specFile().toAbsolutePath().normalize(),
        run.outputDir().toAbsolutePath().normalize(),
        run.spec().deadline());
  }

  @Override
  public void ingest(ClaimedJob job, TrainingJobSpec spec, PreparedRun run, double wallSeconds)
      throws Exception {
    RunDirectory directory = prepared.remove(run.directory());
    if (directory == null) {
      throw new IllegalStateException(
          "run directory " + run.directory() + " was not prepared here");
    }
    // The pod's memory is the cluster's to report; the worker does not see it.
    outputs.ingest(job, spec, directory, wallSeconds, 0);
  }
}
