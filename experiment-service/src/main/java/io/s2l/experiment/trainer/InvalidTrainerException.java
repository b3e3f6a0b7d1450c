package io.s2l.experiment.trainer;

import io.s2l.study.FieldError;
import java.util.List;

/** A registration was refused; {@link #errors()} names every offending field. */
public class InvalidTrainerException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidTrainerException(List<FieldError> errors) {
    super(errors.size() + " invalid field(s), first: " + errors.get(0).field());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
