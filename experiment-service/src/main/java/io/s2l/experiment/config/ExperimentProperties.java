package io.s2l.experiment.config;

import io.s2l.corpus.upload.DatasetLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the experiment service ({@code s2l.experiment.*}).
 *
 * @param maxAttempts attempts before a training job is failed for good
 * @param progressInterval how often study status is reconciled with the queue
 * @param artifacts the artifact store shared with the workers (uploaded datasets live there)
 * @param maxDatasetSize largest accepted dataset upload
 * @param maxDatasetLineSize longest accepted line of a dataset upload (at most 2GB)
 * @param maxDatasetRecords most records (lines with a record) of a dataset upload
 */
@ConfigurationProperties("s2l.experiment")
public record ExperimentProperties(
    int maxAttempts,
    Duration progressInterval,
    Path artifacts,
    DataSize maxDatasetSize,
    DataSize maxDatasetLineSize,
    long maxDatasetRecords) {

  /** The limits an upload is read within. */
  public DatasetLimits datasetLimits() {
    if (maxDatasetLineSize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalStateException("s2l.experiment.max-dataset-line-size must be at most 2GB");
    }
    return new DatasetLimits((int) maxDatasetLineSize.toBytes(), maxDatasetRecords);
  }
}
