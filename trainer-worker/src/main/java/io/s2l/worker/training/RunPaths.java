package io.s2l.worker.training;

import io.s2l.queue.ClaimedJob;
import io.s2l.study.TrainingJobSpec;

/**
 * Where a run's checkpoints and model live in the artifact store, relative to its root: {@code
 * studies/<study>/job-<id>-<scale>-<distribution>-seed-<seed>}. The queue's job id (the same for
 * every attempt) makes the path unique; the names are there for people and made safe for file
 * systems. What an attempt produces lies in its own {@code attempt-<n>/} beneath: only the attempt
 * that completes the job names it in its run, so a later write of an abandoned attempt changes
 * nothing anyone reads.
 */
public final class RunPaths {

  /** The file of a run directory that holds the built-in trainer's model. */
  public static final String MODEL_FILE = io.s2l.lm.train.Checkpoints.MODEL_FILE;

  private RunPaths() {}

  public static String of(ClaimedJob job, TrainingJobSpec spec) {
    return "studies/"
        + job.studyId()
        + "/job-"
        + job.id()
        + "-"
        + safe(spec.scale().name())
        + "-"
        + safe(spec.distribution().name())
        + "-seed-"
        + spec.seed();
  }

  /** The model file of {@code job}'s attempt, relative to the artifact store's root. */
  public static String model(ClaimedJob job, TrainingJobSpec spec) {
    return of(job, spec)
        + "/"
        + io.s2l.lm.train.Checkpoints.attemptDirectory(job.attempt())
        + "/"
        + MODEL_FILE;
  }

  private static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
  }
}
