package io.s2l.experiment.study;

import java.util.UUID;

/** No study has this id. */
public class StudyNotFoundException extends RuntimeException {
  public StudyNotFoundException(UUID id) {
    super("no study with id " + id);
  }
}
