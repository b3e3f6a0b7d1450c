package io.s2l.worker.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one look at an attempt's Job and its pod says (pure): still going, succeeded, or failed for
 * a reason a person can act on. A pod that cannot start for a reason that waiting will not fix (its
 * image cannot be pulled, say) fails the attempt at once instead of at the deadline.
 */
sealed interface JobObservation {

  /** Suspended (waiting for Kueue), pending or running; {@code pod} is the running one or null. */
  record Going(Pod pod) implements JobObservation {}

  /** The trainer exited with 0. */
  record Succeeded(double wallSeconds) implements JobObservation {}

  /**
   * The attempt failed: {@code reason} names why; {@code finished} is false when the Job would
   * otherwise go on (and must be deleted).
   */
  record Failed(String reason, boolean finished) implements JobObservation {}

  /** Reads {@code job} and its {@code pods}; {@code now} times a success without timestamps. */
  static JobObservation of(Job job, List<Pod> pods, Instant submitted, Instant now) {
    Pod pod = newest(pods);
    var status = job.getStatus();
    List<JobCondition> conditions =
        status == null || status.getConditions() == null ? List.of() : status.getConditions();
    if (holds(conditions, "Complete")
        || (status != null && status.getSucceeded() != null && status.getSucceeded() > 0)) {
      Instant start = instant(status.getStartTime(), submitted);
      Instant end = instant(status.getCompletionTime(), now);
      return new Succeeded(Math.max(0, end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
    }
    String name = job.getMetadata().getName();
    JobCondition failed = condition(conditions, "Failed");
    if (failed != null
        || (status != null && status.getFailed() != null && status.getFailed() > 0)) {
      StringBuilder reason = new StringBuilder("Kubernetes Job ").append(name).append(" failed");
      if (failed != null && failed.getReason() != null) {
        reason.append(": ").append(failed.getReason());
        if (failed.getMessage() != null && !failed.getMessage().isBlank()) {
          reason.append(" (").append(failed.getMessage()).append(")");
        }
      }
      String why = pod == null ? null : PodReasons.describe(pod);
      if (why != null) {
        reason.append("; ").append(why);
      }
      return new Failed(reason.toString(), true);
    }
    if (pod != null) {
      String hopeless = PodReasons.hopeless(pod);
      if (hopeless != null) {
        return new Failed("Kubernetes Job " + name + " cannot start: " + hopeless, false);
      }
    }
    boolean running = pod != null && "Running".equals(pod.getStatus().getPhase());
    return new Going(running ? pod : null);
  }

  private static boolean holds(List<JobCondition> conditions, String type) {
    return condition(conditions, type) != null;
  }

  private static JobCondition condition(List<JobCondition> conditions, String type) {
    return conditions.stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .orElse(null);
  }

  private static Instant instant(String timestamp, Instant otherwise) {
    return timestamp == null ? otherwise : Instant.parse(timestamp);
  }

  /** The latest pod: with backoffLimit 0 there is one, unless Kubernetes replaced a lost one. */
  private static Pod newest(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getStatus() != null)
        .max(
            Comparator.comparing(
                (Pod p) ->
                    p.getMetadata().getCreationTimestamp() == null
                        ? ""
                        : p.getMetadata().getCreationTimestamp()))
        .orElse(null);
  }
}
