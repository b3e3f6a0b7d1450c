package io.s2l.analysis.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the analysis service ({@code s2l.analysis.*}).
 *
 * @param lease lease on a claimed analysis job, renewed every third of it: how long a service that
 *     has gone silent keeps its job. Must be longer than a third of it plus the database connection
 *     timeout ({@code spring.datasource.hikari.connection-timeout}), checked at start-up
 * @param jobTimeout the longest one attempt may run; past it the lease is no longer renewed and the
 *     attempt fails ("timed out after ..."), so that a hung job is rescued at most {@code
 *     jobTimeout + lease} after it started. Must be longer than the lease
 * @param idlePoll pause between polls when no analysis job is claimable
 * @param maxImportSize largest accepted upload to {@code POST /api/v1/imports}; larger ones get 413
 * @param artifacts the artifact store the trainer workers write features to (read-only here)
 */
@ConfigurationProperties("s2l.analysis")
public record AnalysisProperties(
    Duration lease,
    Duration jobTimeout,
    Duration idlePoll,
    DataSize maxImportSize,
    Path artifacts) {}
