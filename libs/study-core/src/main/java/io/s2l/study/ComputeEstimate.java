package io.s2l.study;

/**
 * Estimated floating-point operations of the jobs a request queues, charged against a key's daily
 * compute budget ({@code maxFlopsPerDay}). The formulas (docs/operations.md, "Quotas"):
 *
 * <ul>
 *   <li><b>Training a language model</b>: {@code 6 N D} (Kaplan et al. 2020), N the non-embedding
 *       parameters ({@link ModelScale#nonEmbeddingParams}) and D the tokens trained on: the budget
 *       {@code tokensPerParam x N} rounded up to whole steps of {@code batch x context} tokens, as
 *       the built-in trainer counts them.
 *   <li><b>Training an image classifier</b>: {@code 6 x multiply-adds per image x examples x
 *       epochs} ({@link ClassifierCompute#multiplyAdds}), examples being the subset trained on.
 *   <li><b>External trainers</b>: the same as the built-in model of that scale: what they really
 *       spend is theirs to know, and the scale is what the study asks for.
 *   <li><b>Featurisation</b> (per-example gradients for TRAK): about 3 forward and backward passes
 *       per example, {@code 3 x 6 x uses x examples}, uses being {@code N x context} for a language
 *       model (one sequence per example) and the multiply-adds per image for a classifier. A
 *       study's featurisation jobs are each charged over the whole pool (the targets are usually
 *       fewer).
 *   <li><b>Analysis</b> (correlations, attribution scores, recommendations, imports): a fixed
 *       {@value #ANALYSIS_FLOPS} FLOPs per job: it reads stored losses and fits small models, a
 *       rounding error next to training.
 * </ul>
 */
public final class ComputeEstimate {

  /** FLOPs charged for one analysis job. */
  public static final double ANALYSIS_FLOPS = 1e9;

  /** Forward and backward passes per example of a per-example gradient. */
  static final int FEATURISATION_PASSES = 3;

  private ComputeEstimate() {}

  /**
   * FLOPs of one training job.
   *
   * @param images the image set's shape; null for a language model
   */
  public static double training(TrainingJobSpec job, ImageGeometry images) {
    TrainingSettings settings =
        (job.training() != null ? job.training() : TrainingSettings.DEFAULTS).withDefaults();
    ModelScale scale = job.scale();
    if (scale.languageModelFamily()) {
      long tokensPerStep = (long) settings.batchSize() * scale.context();
      long steps = Math.max(1, (job.tokenBudget() + tokensPerStep - 1) / tokensPerStep);
      return 6.0 * scale.nonEmbeddingParams() * (steps * tokensPerStep);
    }
    long examples = (long) settings.epochs() * job.distribution().subset().size();
    return 6.0 * perImage(scale, images) * examples;
  }

  /** FLOPs of featurising one model over {@code examples} examples. */
  public static double featurisation(ModelScale scale, long examples, ImageGeometry images) {
    double uses =
        scale.languageModelFamily()
            ? (double) scale.nonEmbeddingParams() * scale.context()
            : perImage(scale, images);
    return FEATURISATION_PASSES * 6.0 * uses * examples;
  }

  /**
   * FLOPs of a whole study: its training jobs, the verification models it trains later (each
   * charged as the costliest of its planned models at the reference scale, or as a reference model
   * trained on the whole pool when none is planned), its featurisation jobs and one analysis.
   *
   * @param catalog the dataset's pool and, for an image set, its shape
   */
  public static double study(StudyDefinition study, StudyPlan plan, DomainCatalog catalog) {
    ImageGeometry images = catalog.imageGeometry().orElse(null);
    double total = ANALYSIS_FLOPS;
    double reference = 0;
    for (TrainingJobSpec job : plan.jobs()) {
      double flops = training(job, images);
      total += flops;
      if (job.scale().name().equals(study.referenceScale())) {
        reference = Math.max(reference, flops);
      }
    }
    int later = StudyPlan.laterJobs(study);
    if (later > 0) {
      if (reference == 0) {
        reference = training(referenceOnPool(study, plan, catalog), images);
      }
      total += later * reference;
    }
    AttributionSpec attribution = study.attribution();
    if (attribution != null) {
      long pool = attribution.pool(catalog.trainingDocumentIds()).size();
      for (ModelScale scale : study.scales()) {
        int jobs = 2 * attribution.modelsPerScale() * attribution.checkpointsOrDefault();
        total += jobs * featurisation(scale, pool, images);
      }
    }
    return total;
  }

  private static TrainingJobSpec referenceOnPool(
      StudyDefinition study, StudyPlan plan, DomainCatalog catalog) {
    ModelScale scale =
        study.scales().stream()
            .filter(s -> s.name().equals(study.referenceScale()))
            .findFirst()
            .orElseThrow();
    return new TrainingJobSpec(
        study.datasetOrDefault(),
        scale,
        new MixtureSpec("pool", null, catalog.trainingDocumentIds()),
        0,
        study.tokensPerParam(),
        plan.evalSets(),
        study.training());
  }

  private static long perImage(ModelScale scale, ImageGeometry images) {
    if (images == null) {
      throw new IllegalArgumentException("an image classifier needs its image set's shape");
    }
    return ClassifierCompute.multiplyAdds(
        ModelScale.CNN.equals(scale.familyOrDefault()), scale.width(), scale.depth(), images);
  }
}
