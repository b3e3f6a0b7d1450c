package io.s2l.study;

import java.util.ArrayList;
import java.util.List;

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
    List<MixtureSpec> distributions = resolveDistributions(study, catalog);
    List<String> evalSets = study.evalSets() != null ? study.evalSets() : catalog.evalSets();
    TrainingSettings training =
        (study.training() != null ? study.training() : TrainingSettings.DEFAULTS).withDefaults();
    if (study.attribution() != null) {
      return expandAttribution(study, distributions, evalSets, training);
    }
    List<TrainingJobSpec> jobs = new ArrayList<>();
    for (ModelScale scale : study.scales()) {
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
   * An attribution study: at every scale, M models on the whole pool (seeds 0 to M-1, for TRAK); at
   * the reference scale, one model per ground-truth subset and seed (for LDS).
   */
  private static StudyPlan expandAttribution(
      StudyDefinition study,
      List<MixtureSpec> groundTruth,
      List<String> evalSets,
      TrainingSettings training) {
    MixtureSpec pool = new MixtureSpec(AttributionSpec.POOL, null, null);
    List<TrainingJobSpec> jobs = new ArrayList<>();
    for (ModelScale scale : study.scales()) {
      for (long seed = 0; seed < study.attribution().modelsPerScale(); seed++) {
        jobs.add(
            new TrainingJobSpec(
                study.datasetOrDefault(),
                scale,
                pool,
                seed,
                study.tokensPerParam(),
                evalSets,
                training));
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

  static List<MixtureSpec> resolveDistributions(StudyDefinition study, DomainCatalog catalog) {
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
      all.addAll(
          MixtureGenerator.randomSubsets(
              catalog.trainingDocumentIds(), r.count(), r.fraction(), r.seed()));
    }
    return all;
  }
}
