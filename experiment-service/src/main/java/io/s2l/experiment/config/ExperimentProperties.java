package io.s2l.experiment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the experiment service ({@code s2l.experiment.*}).
 *
 * @param maxAttempts attempts before a training job is failed for good
 * @param progressInterval how often study status is reconciled with the queue
 */
@ConfigurationProperties("s2l.experiment")
public record ExperimentProperties(int maxAttempts, Duration progressInterval) {}
