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
