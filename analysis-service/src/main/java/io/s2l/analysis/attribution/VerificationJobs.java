package io.s2l.analysis.attribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ResourceEstimate;
import io.s2l.study.TrainingJobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reference models that verify a study's selections: one training job per (selection, seed), on
 * the selection's pool examples, with the reference's own settings and trainer (the snapshot its
 * first models were queued with, taken when the study was submitted). Every job evaluates on the
 * target task's evaluation set (an image set's test split, or a text study's target set), whose
 * holdout examples measure the selection.
 */
final class VerificationJobs {

  static final int MAX_ATTEMPTS = 3;

  private VerificationJobs() {}

  /**
   * @param reference a training job of the reference scale (its scale, settings, evaluation sets
   *     and trainer are reused)
   * @param evalSet the target task's evaluation set, added to the reference's if it lacks it
   * @param poolIds ids of the pool's examples, in pool order
   */
  static List<NewJob> of(
      UUID study,
      TrainingJobSpec reference,
      String evalSet,
      List<SelectionCandidate> candidates,
      List<Long> seeds,
      List<String> poolIds,
      ObjectMapper json) {
    List<String> evalSets = new ArrayList<>(reference.evalSets());
    if (!evalSets.contains(evalSet)) {
      evalSets.add(evalSet);
    }
    List<NewJob> jobs = new ArrayList<>();
    for (SelectionCandidate c : candidates) {
      List<String> ids = new ArrayList<>(c.examples().length);
      for (int i : c.examples()) {
        ids.add(poolIds.get(i));
      }
      MixtureSpec distribution = new MixtureSpec(c.name(), null, ids);
      for (long seed : seeds) {
        TrainingJobSpec job =
            new TrainingJobSpec(
                reference.dataset(),
                reference.scale(),
                distribution,
                seed,
                reference.tokensPerParam(),
                List.copyOf(evalSets),
                reference.training(),
                reference.trainer());
        try {
          jobs.add(
              new NewJob(
                  study,
                  JobKinds.training(job),
                  job.key(),
                  json.writeValueAsString(job),
                  MAX_ATTEMPTS,
                  ResourceEstimate.needsGpu(job),
                  ResourceEstimate.memoryBytes(job)));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot serialise verification job " + job.key(), e);
        }
      }
    }
    return jobs;
  }
}
