package io.s2l.experiment.study;

import io.s2l.study.FieldError;
import java.util.List;

/** A study definition was refused; {@link #errors()} names every offending field. */
public class InvalidStudyException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidStudyException(List<FieldError> errors) {
    super(errors.size() + " invalid field(s), first: " + errors.get(0).field());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
