package io.s2l.analysis.imports;

/**
 * How much one import may hold, checked row by row while the upload streams so that a hostile table
 * is refused after reading no more than it needs to: distinct scales, distributions, seeds,
 * evaluation sets, and example ids summed over the evaluation sets. A complete table holds scales x
 * distributions x seeds x examples losses, so these caps also bound the work of checking it.
 */
public record ImportLimits(int scales, int distributions, int seeds, int evalSets, int examples) {

  /** The defaults of {@code s2l.analysis.max-import-*} (application.yml, docs/configuration.md). */
  public static final ImportLimits DEFAULTS = new ImportLimits(64, 4096, 64, 256, 1_000_000);

  public ImportLimits {
    if (scales < 1 || distributions < 1 || seeds < 1 || evalSets < 1 || examples < 1) {
      throw new IllegalArgumentException("every s2l.analysis.max-import-* limit must be positive");
    }
  }
}
