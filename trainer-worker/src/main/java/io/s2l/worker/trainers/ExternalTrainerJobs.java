package io.s2l.worker.trainers;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.trainer.contract.TrainerResult;
import io.s2l.worker.training.ExternalTraining;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a job's registered trainer as a child of this worker (docs/trainer-contract.md): prepares
 * the run directory, runs and watches the trainer, validates its outputs and stores them as a
 * built-in run is stored, completing the job in the same transaction. Any failure (the process, its
 * outputs, the lease) ends the attempt with its reason and stores nothing; the queue retries.
 * Trainers registered with a Kubernetes target are not run here.
 */
@Component
class ExternalTrainerJobs implements ExternalTraining {

  private static final Logger log = LoggerFactory.getLogger(ExternalTrainerJobs.class);

  private final TrainerWorkspace workspace;
  private final TrainerProcess process;
  private final TrainerOutputs outputs;

  ExternalTrainerJobs(TrainerWorkspace workspace, TrainerProcess process, TrainerOutputs outputs) {
    this.workspace = workspace;
    this.process = process;
    this.outputs = outputs;
  }

  @Override
  public boolean runs(TrainerRef trainer) {
    return !trainer.runsOnKubernetes();
  }

  @Override
  public void run(ClaimedJob job, TrainingJobSpec spec, JobContext context) throws Exception {
    TrainerRef trainer = spec.trainer();
    if (trainer.command() == null || trainer.command().isEmpty()) {
      throw new IllegalArgumentException("trainer '" + trainer.name() + "' has no command");
    }
    if (trainer.silenceSeconds() <= 0) {
      throw new IllegalArgumentException(
          "trainer '" + trainer.name() + "' has silenceSeconds " + trainer.silenceSeconds());
    }
    RunDirectory run = workspace.prepare(job, spec);
    TrainerProcess.Outcome outcome =
        process.run(
            run.dir(),
            run.specFile(),
            trainer.command(),
            Duration.ofSeconds(trainer.silenceSeconds()),
            run.spec().deadline(),
            context);
    context.checkLease();
    TrainerResult r = outputs.ingest(job, spec, run, outcome.seconds(), outcome.peakRssBytes());
    log.info(
        "job {} done by trainer '{}' ({} {}): {} tokens in {} s, final train loss {}",
        job.id(),
        trainer.name(),
        r.trainer().name(),
        r.trainer().version(),
        r.tokens(),
        String.format("%.1f", r.wallSeconds()),
        String.format("%.3f", r.finalTrainLoss()));
  }
}
