package io.s2l.worker.kubernetes;

import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainingJobSpec;

/**
 * What the dispatcher needs from the worker's handling of external trainers, on either side of the
 * Kubernetes Job: the same run directory and the same checks of outputs as for a trainer run as a
 * child process (docs/trainer-contract.md).
 */
public interface KubernetesRuns {

  /**
   * Makes a fresh run directory for this attempt on the artifact store, writes {@code spec.json}
   * into it and creates the empty output directory.
   */
  PreparedRun prepare(ClaimedJob job, TrainingJobSpec spec) throws Exception;

  /**
   * Validates the outputs of a trainer that exited with 0 (contract section 4), stores the run and
   * completes the job in one transaction; throws, naming the problem, when the outputs are not
   * valid, and stores nothing then.
   *
   * @param wallSeconds how long the trainer's pod ran
   */
  void ingest(ClaimedJob job, TrainingJobSpec spec, PreparedRun run, double wallSeconds)
      throws Exception;
}
