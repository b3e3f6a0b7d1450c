package io.s2l.experiment.trainer;

/** No trainer of that name is registered. */
public class TrainerNotFoundException extends RuntimeException {

  public TrainerNotFoundException(String name) {
    super("no registered trainer '" + name + "'");
  }
}
