package io.s2l.analysis.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the analysis service ({@code s2l.analysis.*}).
 *
 * @param lease lease on a claimed analysis job, renewed every third of it
 * @param idlePoll pause between polls when no analysis job is claimable
 * @param maxImportSize largest accepted upload to {@code POST /api/v1/imports}; larger ones get 413
 * @param artifacts the artifact store the trainer workers write features to (read-only here)
 */
@ConfigurationProperties("s2l.analysis")
public record AnalysisProperties(
    Duration lease, Duration idlePoll, DataSize maxImportSize, Path artifacts) {}
