package io.s2l.lm.train;

/**
 * A training attempt found that a later attempt of its job wrote the shared checkpoint: this one
 * lost its lease (a zombie) and stops at once instead of training on for nothing. Its completion
 * would be refused anyway; stopping frees the worker.
 */
public class AttemptSupersededException extends RuntimeException {

  public AttemptSupersededException(int attempt, long step) {
    super(
        "attempt "
            + attempt
            + " stops at step "
            + step
            + ": a later attempt of its job wrote the checkpoint, so this one lost its lease");
  }
}
