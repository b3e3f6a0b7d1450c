package io.s2l.worker.features;

import io.s2l.featurize.FeatureFileWriter;
import io.s2l.lm.train.AtomicFiles;
import io.s2l.study.FeaturizeJobSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Names of feature files in a trained model's directory; the margins file replaces {@code .f32} by
 * {@code -margins.f32}. Each name carries the featurisation job's attempt, and only the attempt
 * that completes the job records its files: one that lost its lease and still writes (a zombie)
 * never replaces what was recorded.
 */
final class FeatureFiles {

  private FeatureFiles() {}

  /**
   * {@code features-<examples>-k<k>-seed<seed>-attempt<n>.f32} for the final model, with {@code
   * -checkpoint<c>} before {@code -attempt<n>} for snapshot c.
   */
  static String name(FeaturizeJobSpec spec, int attempt) {
    return stem(spec) + attempt + ".f32";
  }

  /**
   * Deletes the temporary files the job's earlier attempts left in {@code directory} (a crash, or
   * an attempt abandoned mid-write); the queue runs one attempt of a job at a time.
   */
  static void deleteTemporaries(Path directory, FeaturizeJobSpec spec) throws IOException {
    AtomicFiles.deleteTemporaries(directory, stem(spec));
  }

  /** Writes one value per example (the model output function o) as an n x 1 feature file. */
  static void writeMargins(Path file, float[] values) throws IOException {
    try (FeatureFileWriter out = FeatureFileWriter.create(file, values.length, 1)) {
      out.accept(0, values.length, values);
      out.commit();
    }
  }

  private static String stem(FeaturizeJobSpec spec) {
    return "features-"
        + spec.examples()
        + "-k"
        + spec.dimension()
        + "-seed"
        + spec.projectionSeed()
        + (spec.checkpoint() == null ? "" : "-checkpoint" + spec.checkpoint())
        + "-attempt";
  }
}
