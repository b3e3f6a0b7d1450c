package io.s2l.experiment.trainer;

/** A trainer of that name is registered with another definition. */
public class TrainerConflictException extends RuntimeException {

  public TrainerConflictException(String name) {
    super(
        "a trainer named '"
            + name
            + "' is registered with another definition; delete it first to register it anew");
  }
}
