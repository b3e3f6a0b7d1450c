package io.s2l.worker.trainers;

/**
 * An external trainer's attempt failed for a reason of the process (exit code, silence, deadline);
 * the message is the reason the queue records. Failures of its outputs are {@link
 * io.s2l.trainer.contract.ContractViolation}s.
 */
public final class TrainerFailedException extends RuntimeException {

  public TrainerFailedException(String reason) {
    super(reason);
  }
}
