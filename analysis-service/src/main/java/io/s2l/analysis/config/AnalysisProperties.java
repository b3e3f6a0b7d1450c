package io.s2l.analysis.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the analysis service ({@code s2l.analysis.*}); how it holds its jobs (lease, job
 * timeout, polling) are the queue's settings, {@code s2l.queue.*}.
 *
 * @param maxImportSize largest accepted upload to {@code POST /api/v1/imports}; larger ones get 413
 * @param artifacts the artifact store the trainer workers write features to (read-only here)
 */
@ConfigurationProperties("s2l.analysis")
public record AnalysisProperties(DataSize maxImportSize, Path artifacts) {}
