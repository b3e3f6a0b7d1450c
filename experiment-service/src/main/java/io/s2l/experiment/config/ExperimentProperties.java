package io.s2l.experiment.config;

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
 */
@ConfigurationProperties("s2l.experiment")
public record ExperimentProperties(
    int maxAttempts, Duration progressInterval, Path artifacts, DataSize maxDatasetSize) {}
