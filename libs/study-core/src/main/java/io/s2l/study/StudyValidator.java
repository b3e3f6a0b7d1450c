package io.s2l.study;

import static io.s2l.study.StudyLimits.MAX_DISTRIBUTIONS;
import static io.s2l.study.StudyLimits.MAX_JOBS;
import static io.s2l.study.StudyLimits.MAX_NAME_LENGTH;
import static io.s2l.study.StudyLimits.MAX_SEEDS;
import static io.s2l.study.StudyLimits.MAX_TOKENS_PER_PARAM;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a study definition against its dataset's catalog (the caller picks the catalog by the
 * study's {@code dataset} and reports unknown datasets) and {@link StudyLimits}. Returns every
 * problem at once, each naming its field, so a user can fix a definition in one round trip. Each
 * part of a definition checks its own fields; this class checks the study's own and how the parts
 * fit together.
 */
public final class StudyValidator {

  private final DomainCatalog catalog;

  public StudyValidator(DomainCatalog catalog) {
    this.catalog = catalog;
  }

  public List<FieldError> validate(StudyDefinition study) {
    List<FieldError> errors = new ArrayList<>();
    if (study == null) {
      errors.add(new FieldError("$", "a study definition is required"));
      return errors;
    }
    if (study.name() == null || study.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (study.name().length() > MAX_NAME_LENGTH) {
      errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    boolean imageStudy = DomainCatalog.IMAGE.equals(catalog.modality());
    if (study.trainer() != null && !TrainerLimits.validName(study.trainer())) {
      errors.add(new FieldError("trainer", ScaleOptions.nameReason()));
    }
    ScaleLadder.validate(study, imageStudy, errors);
    int distributions = validateDistributions(study, errors);
    validateSeeds(study.seeds(), errors);
    if (study.tokensPerParam() == null) {
      if (!imageStudy) {
        errors.add(new FieldError("tokensPerParam", "is required"));
      }
    } else if (!(study.tokensPerParam() > 0 && study.tokensPerParam() <= MAX_TOKENS_PER_PARAM)) {
      errors.add(new FieldError("tokensPerParam", "must be > 0 and <= " + MAX_TOKENS_PER_PARAM));
    }
    validateEvalSets(study.evalSets(), errors);
    CallbackUrls.validate(study.callbacks(), errors);
    if (study.training() != null) {
      study.training().validate(errors);
    }
    AttributionSpec attribution = study.attribution();
    if (attribution != null) {
      attribution.validate(
          imageStudy,
          study.distributions(),
          study.evalSets() != null ? study.evalSets() : catalog.evalSets(),
          errors);
      poolSubsetsOnly(study, attribution, errors);
      if (study.scales() != null) {
        builtinTrainersOnly(study, errors);
      }
    }
    if (study.selection() != null) {
      int pool =
          attribution != null
              ? attribution.pool(catalog.trainingDocumentIds()).size()
              : catalog.trainingDocumentIds().size();
      study.selection().validate(attribution != null, imageStudy, pool, errors);
    }
    if (study.recommendMixture() != null) {
      study.recommendMixture().validate(study, catalog, distributions, errors);
    }
    if (errors.isEmpty()) {
      int trainedScales = study.scales().size() - (study.recommendMixture() != null ? 1 : 0);
      long jobs =
          (attribution == null
                  ? (long) trainedScales * distributions * study.seeds().size()
                  : (long) study.scales().size() * attribution.modelsPerScale()
                      + (long) distributions * study.seeds().size())
              + StudyPlan.laterJobs(study);
      if (jobs > MAX_JOBS) {
        errors.add(
            new FieldError("$", "the study expands to " + jobs + " jobs; at most " + MAX_JOBS));
      }
    }
    return errors;
  }

  /**
   * With a sampled pool ({@code attribution.poolSize}), an explicit subset distribution may name
   * only pool documents: the ground truth is about removing documents from the pool.
   */
  private void poolSubsetsOnly(
      StudyDefinition study, AttributionSpec attribution, List<FieldError> errors) {
    if (attribution.poolSize() == null || study.distributions() == null) {
      return;
    }
    Set<String> pool = new HashSet<>(attribution.pool(catalog.trainingDocumentIds()));
    for (int i = 0; i < study.distributions().size(); i++) {
      MixtureSpec d = study.distributions().get(i);
      if (d != null && d.hasSubset() && !pool.containsAll(d.subset())) {
        errors.add(
            new FieldError(
                "distributions[" + i + "].subset",
                "names documents outside the attribution pool (attribution.poolSize)"));
      }
    }
  }

  /**
   * An attribution study featurises every pool model, which reads the parameters the built-in
   * trainer writes; an external trainer's checkpoints are its own format.
   */
  private static void builtinTrainersOnly(StudyDefinition study, List<FieldError> errors) {
    String reason =
        "an attribution study featurises its models, which needs the built-in trainer 'djl'";
    boolean inherited = false;
    for (int i = 0; i < study.scales().size(); i++) {
      ModelScale scale = study.scales().get(i);
      if (scale == null || TrainerRef.BUILTIN.equals(study.trainerOf(scale))) {
        continue;
      }
      if (scale.trainer() != null) {
        errors.add(new FieldError("scales[" + i + "].trainer", reason));
      } else {
        inherited = true;
      }
    }
    if (inherited) {
      errors.add(new FieldError("trainer", reason));
    }
  }

  /** Returns the number of distributions the study resolves to. */
  private int validateDistributions(StudyDefinition study, List<FieldError> errors) {
    int count = 0;
    Set<String> names = new HashSet<>();
    List<MixtureSpec> explicit = study.distributions();
    if (explicit != null) {
      for (int i = 0; i < explicit.size(); i++) {
        String at = "distributions[" + i + "]";
        if (explicit.get(i) == null) {
          errors.add(new FieldError(at, "must not be null"));
        } else {
          explicit.get(i).validate(at, names, catalog, errors);
        }
      }
      count += explicit.size();
    }
    if (study.generated() != null) {
      study.generated().validate(errors);
      count += study.generated().count(catalog);
    }
    if (count == 0 && study.selection() != null) {
      return 0; // a selection study needs no ground-truth subsets
    }
    if (count < 3) {
      errors.add(
          new FieldError(
              "distributions",
              "at least three distributions (explicit or generated) are required"));
    } else if (count > MAX_DISTRIBUTIONS) {
      errors.add(
          new FieldError("distributions", "at most " + MAX_DISTRIBUTIONS + " distributions"));
    }
    return count;
  }

  private static void validateSeeds(List<Long> seeds, List<FieldError> errors) {
    if (seeds == null || seeds.isEmpty()) {
      errors.add(new FieldError("seeds", "at least one seed is required"));
    } else if (seeds.size() > MAX_SEEDS) {
      errors.add(new FieldError("seeds", "at most " + MAX_SEEDS + " seeds"));
    } else if (seeds.stream().anyMatch(Objects::isNull)) {
      errors.add(new FieldError("seeds", "must not contain null"));
    } else if (new HashSet<>(seeds).size() != seeds.size()) {
      errors.add(new FieldError("seeds", "must be distinct"));
    }
  }

  private void validateEvalSets(List<String> evalSets, List<FieldError> errors) {
    if (evalSets == null) {
      return;
    }
    if (evalSets.isEmpty()) {
      errors.add(new FieldError("evalSets", "must not be empty (omit it for every held-out set)"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < evalSets.size(); i++) {
      String e = evalSets.get(i);
      if (e == null || !catalog.evalSets().contains(e)) {
        errors.add(
            new FieldError(
                "evalSets[" + i + "]", "unknown evaluation set; available: " + catalog.evalSets()));
      } else if (!seen.add(e)) {
        errors.add(new FieldError("evalSets[" + i + "]", "duplicate evaluation set"));
      }
    }
  }
}
