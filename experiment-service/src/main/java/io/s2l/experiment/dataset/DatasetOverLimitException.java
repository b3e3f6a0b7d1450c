package io.s2l.experiment.dataset;

import io.s2l.experiment.config.BodyTooLargeException;

/** An upload passed a limit a property sets (413); reading stopped there and nothing was kept. */
public class DatasetOverLimitException extends BodyTooLargeException {

  DatasetOverLimitException(String message, long limit, String property) {
    super(message, limit, property);
  }
}
