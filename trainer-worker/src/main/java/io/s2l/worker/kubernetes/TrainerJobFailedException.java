package io.s2l.worker.kubernetes;

/**
 * A trainer's Kubernetes Job failed or cannot start; the message is the reason the attempt's
 * failure records (the container's end, the Job's condition, or why the pod is not scheduled).
 */
public final class TrainerJobFailedException extends RuntimeException {
  public TrainerJobFailedException(String reason) {
    super(reason);
  }
}
