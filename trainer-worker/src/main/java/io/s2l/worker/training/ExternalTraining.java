package io.s2l.worker.training;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;

/**
 * A way of running the registered trainer a training job names (docs/trainer-contract.md): as a
 * child process of the worker, or elsewhere. {@link TrainingJobHandler} hands every job with a
 * trainer to the one that runs it; the built-in DJL trainer takes the others.
 */
public interface ExternalTraining {

  /** Whether this runs {@code trainer}. */
  boolean runs(TrainerRef trainer);

  /**
   * Trains and evaluates the job's model with its trainer, then stores the run and completes the
   * job exactly as a built-in run is stored ({@link RunStore#storeAndComplete}); stores nothing
   * when it fails.
   */
  void run(ClaimedJob job, TrainingJobSpec spec, JobContext context) throws Exception;
}
