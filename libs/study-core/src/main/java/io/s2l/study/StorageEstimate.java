package io.s2l.study;

/**
 * Estimated bytes of the artifacts a study writes, charged at submission against a key's storage
 * budget ({@code maxStorageBytes}): a key holds its datasets and these estimates. The formula
 * (docs/operations.md, "Quotas"), with P a model's parameters and every number a 4-byte float:
 *
 * <ul>
 *   <li><b>Every trained model</b>: {@code 4 P} for its parameters ({@code model.params}) plus
 *       {@code 16 P} for its checkpoint (the parameters and AdamW's state), plus {@code 4 P} for
 *       each snapshot an attribution pool model keeps ({@code C - 1} with C checkpoints). The
 *       models a study trains later (verifications) count as models of the reference scale.
 *   <li><b>Featurisation</b>: every checkpoint of every pool model writes two feature files (pool
 *       and targets), each {@code examples x k x 4} bytes; both are counted over the whole pool, as
 *       the compute estimate does (the targets are usually fewer).
 * </ul>
 *
 * <p>P is {@link ModelScale#totalParams} for a language model and {@link ClassifierCompute#params}
 * for an image classifier; external trainers are counted as the built-in model of their scale.
 * Losses, logs and analysis results are small next to these and are left out.
 */
public final class StorageEstimate {

  /** Bytes per stored number (float32). */
  static final long FLOAT = 4;

  /** Bytes per parameter of a checkpoint: the parameters and AdamW's two moments, and the step. */
  static final long CHECKPOINT_BYTES_PER_PARAM = 16;

  private StorageEstimate() {}

  /** Bytes one trained model leaves: its parameters, its checkpoint and its snapshots. */
  public static long trainedModel(ModelScale scale, int snapshots, ImageGeometry images) {
    long params = params(scale, images);
    return Math.multiplyExact(
        params, FLOAT + CHECKPOINT_BYTES_PER_PARAM + FLOAT * Math.max(0, snapshots - 1));
  }

  /** Bytes of one feature file: {@code examples x k} floats. */
  public static long featureFile(long examples, int dimension) {
    return Math.multiplyExact(Math.multiplyExact(examples, (long) dimension), FLOAT);
  }

  /**
   * Bytes of a whole study's artifacts: its planned models, the models it trains later, and its
   * feature files.
   *
   * @param catalog the dataset's pool and, for an image set, its shape
   */
  public static long study(StudyDefinition study, StudyPlan plan, DomainCatalog catalog) {
    ImageGeometry images = catalog.imageGeometry().orElse(null);
    long total = 0;
    for (TrainingJobSpec job : plan.jobs()) {
      int snapshots = job.snapshots() == null ? 1 : job.snapshots();
      total = Math.addExact(total, trainedModel(job.scale(), snapshots, images));
    }
    int later = StudyPlan.laterJobs(study);
    if (later > 0) {
      ModelScale reference =
          study.scales().stream()
              .filter(s -> s.name().equals(study.referenceScale()))
              .findFirst()
              .orElseThrow();
      total = Math.addExact(total, Math.multiplyExact(later, trainedModel(reference, 1, images)));
    }
    AttributionSpec attribution = study.attribution();
    if (attribution != null) {
      long pool = attribution.pool(catalog.trainingDocumentIds()).size();
      long files = (long) attribution.featurisationJobs(study.scales().size());
      total =
          Math.addExact(
              total, Math.multiplyExact(files, featureFile(pool, attribution.dimension())));
    }
    return total;
  }

  private static long params(ModelScale scale, ImageGeometry images) {
    if (scale.languageModelFamily()) {
      return scale.totalParams();
    }
    if (images == null) {
      throw new IllegalArgumentException("an image classifier needs its image set's shape");
    }
    return ClassifierCompute.params(
        ModelScale.CNN.equals(scale.familyOrDefault()), scale.width(), scale.depth(), images);
  }
}
