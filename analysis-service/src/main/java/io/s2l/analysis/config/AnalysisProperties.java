package io.s2l.analysis.config;

import io.s2l.analysis.imports.ImportLimits;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the analysis service ({@code s2l.analysis.*}); how it holds its jobs (lease, job
 * timeout, polling) are the queue's settings, {@code s2l.queue.*}.
 *
 * @param maxImportSize largest accepted upload to {@code POST /api/v1/imports}; larger ones get 413
 * @param maxImportScales distinct scales one import may hold (413 beyond)
 * @param maxImportDistributions distinct distributions one import may hold (413 beyond)
 * @param maxImportSeeds distinct seeds one import may hold (413 beyond)
 * @param maxImportEvalSets distinct evaluation sets one import may hold (413 beyond)
 * @param maxImportExamples example ids one import may hold, summed over its evaluation sets (413
 *     beyond)
 * @param artifacts the artifact store the trainer workers write features to (read-only here)
 */
@ConfigurationProperties("s2l.analysis")
public record AnalysisProperties(
    DataSize maxImportSize,
    int maxImportScales,
    int maxImportDistributions,
    int maxImportSeeds,
    int maxImportEvalSets,
    int maxImportExamples,
    Path artifacts) {

  /** The caps on what one import holds, checked while it streams. */
  public ImportLimits importLimits() {
    return new ImportLimits(
        maxImportScales,
        maxImportDistributions,
        maxImportSeeds,
        maxImportEvalSets,
        maxImportExamples);
  }
}
