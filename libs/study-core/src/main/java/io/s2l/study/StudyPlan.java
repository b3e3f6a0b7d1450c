package io.s2l.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated study, expanded: the resolved distributions (explicit, then generated) and one
 * training job per (scale, distribution, seed).
 */
public record StudyPlan(
    List<MixtureSpec> distributions, List<String> evalSets, List<TrainingJobSpec> jobs) {

  /**
   * Expands a definition that {@link StudyValidator} accepted.
   *
   * @param catalog the dataset's domains and evaluation sets
   */
  public static StudyPlan expand(StudyDefinition study, DomainCatalog catalog) {
    List<MixtureSpec> distributions =
        resolveDistributions(
            study,
            catalog,
            study.attribution() != null
                ? study.attribution().pool(catalog.trainingDocumentIds())
                : catalog.trainingDocumentIds());
    List<String> evalSets = study.evalSets() != null ? study.evalSets() : catalog.evalSets();
    TrainingSettings training =
        (study.training() != null ? study.training() : TrainingSettings.DEFAULTS).withDefaults();
    if (study.attribution() != null) {
      return expandAttribution(study, catalog, distributions, evalSets, training);
    }
    List<TrainingJobSpec> jobs = new ArrayList<>();
    for (ModelScale scale : study.scales()) {
      if (study.recommendMixture() != null && scale.name().equals(study.referenceScale())) {
        continue; // the reference trains only on the recommendations and the baselines
      }
      for (MixtureSpec distribution : distributions) {
        for (long seed : study.seeds()) {
          jobs.add(
              new TrainingJobSpec(
                  study.datasetOrDefault(),
                  scale,
                  distribution,
                  seed,
                  study.tokensPerParam(),
                  evalSets,
                  training));
        }
      }
    }
    return new StudyPlan(List.copyOf(distributions), List.copyOf(evalSets), List.copyOf(jobs));
  }

  /**
   * This plan with every job carrying the snapshot of the trainer that trains its scale, none for
   * the built-in trainer.
   *
   * @param trainers the study's snapshots by name ({@link StudyTrainers.Resolution#snapshots()})
   */
  public StudyPlan withTrainers(StudyDefinition study, Map<String, TrainerRef> trainers) {
    List<TrainingJobSpec> carried =
        jobs.stream().map(j -> j.withTrainer(trainers.get(study.trainerOf(j.scale())))).toList();
    return new StudyPlan(distributions, evalSets, carried);
  }

  /**
   * Training jobs a study queues after its first stage: the reference models that verify its
   * selections or recommended mixtures.
   */
  public static int laterJobs(StudyDefinition study) {
    int seeds = study.seeds().size();
    if (study.selection() != null) {
      return study.selection().verificationJobs(study.scales().size(), seeds);
    }
    if (study.recommendMixture() != null) {
      return study.recommendMixture().verificationJobs(study.scales().size() - 1, seeds);
    }
    return 0;
  }

  /**
   * An attribution study: at every scale, M models on the whole pool (seeds 0 to M-1, for TRAK); at
   * the reference scale, one model per ground-truth subset and seed (for LDS).
   */
  private static StudyPlan expandAttribution(
      StudyDefinition study,
      DomainCatalog catalog,
      List<MixtureSpec> groundTruth,
      List<String> evalSets,
      TrainingSettings training) {
    AttributionSpec attribution = study.attribution();
    MixtureSpec pool =
        new MixtureSpec(
            AttributionSpec.POOL, null, attribution.pool(catalog.trainingDocumentIds()));
    Integer snapshots = attribution.checkpointsOrDefault() > 1 ? attribution.checkpoints() : null;
    List<TrainingJobSpec> jobs = new ArrayList<>();
    for (ModelScale scale : study.scales()) {
      for (long seed = 0; seed < attribution.modelsPerScale(); seed++) {
        jobs.add(
            new TrainingJobSpec(
                    study.datasetOrDefault(),
                    scale,
                    pool,
                    seed,
                    study.tokensPerParam(),
                    evalSets,
                    training)
                .withSnapshots(snapshots));
      }
    }
    ModelScale reference =
        study.scales().stream()
            .filter(s -> s.name().equals(study.referenceScale()))
            .findFirst()
            .orElseThrow();
    for (MixtureSpec subset : groundTruth) {
      for (long seed : study.seeds()) {
        jobs.add(
            new TrainingJobSpec(
                study.datasetOrDefault(),
                reference,
                subset,
                seed,
                study.tokensPerParam(),
                evalSets,
                training));
      }
    }
    List<MixtureSpec> all = new ArrayList<>();
    all.add(pool);
    all.addAll(groundTruth);
    return new StudyPlan(List.copyOf(all), List.copyOf(evalSets), List.copyOf(jobs));
  }

  /**
   * @param pool the documents generated random subsets are drawn from: the attribution pool, or
   *     every training document
   */
  static List<MixtureSpec> resolveDistributions(
      StudyDefinition study, DomainCatalog catalog, List<String> pool) {
    List<MixtureSpec> all = new ArrayList<>();
    if (study.distributions() != null) {
      all.addAll(study.distributions());
    }
    GeneratedMixtures generated = study.generated();
    if (generated != null && generated.dirichlet() != null) {
      GeneratedMixtures.Dirichlet d = generated.dirichlet();
      all.addAll(MixtureGenerator.dirichlet(catalog.domains(), d.count(), d.alpha(), d.seed()));
    }
    if (generated != null && Boolean.TRUE.equals(generated.leaveOneOut())) {
      all.addAll(MixtureGenerator.leaveOneOut(catalog.domains()));
    }
    if (generated != null && generated.randomSubsets() != null) {
      GeneratedMixtures.RandomSubsets r = generated.randomSubsets();
      all.addAll(MixtureGenerator.randomSubsets(pool, r.count(), r.fraction(), r.seed()));
    }
    return all;
  }
}
