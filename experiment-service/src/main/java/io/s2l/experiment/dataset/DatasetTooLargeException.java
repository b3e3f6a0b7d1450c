package io.s2l.experiment.dataset;

/** The upload exceeded {@code s2l.experiment.max-dataset-size}; nothing was kept. */
public class DatasetTooLargeException extends DatasetOverLimitException {
  public DatasetTooLargeException(long limit) {
    super(
        "the upload exceeds the limit of " + limit + " bytes",
        limit,
        "s2l.experiment.max-dataset-size");
  }
}
