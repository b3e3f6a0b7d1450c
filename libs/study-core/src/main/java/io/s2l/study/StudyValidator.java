package io.s2l.study;

import static io.s2l.study.StudyLimits.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a study definition against its dataset's catalog (the caller picks the catalog by the
 * study's {@code dataset} and reports unknown datasets) and {@link StudyLimits}. Returns every
 * problem at once, each naming its field, so a user can fix a definition in one round trip.
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
    validateScales(study, errors);
    int distributions = validateDistributions(study, errors);
    validateSeeds(study, errors);
    boolean imageStudy = DomainCatalog.IMAGE.equals(catalog.modality());
    if (study.tokensPerParam() == null) {
      if (!imageStudy) {
        errors.add(new FieldError("tokensPerParam", "is required"));
      }
    } else if (!(study.tokensPerParam() > 0 && study.tokensPerParam() <= MAX_TOKENS_PER_PARAM)) {
      errors.add(new FieldError("tokensPerParam", "must be > 0 and <= " + MAX_TOKENS_PER_PARAM));
    }
    validateEvalSets(study, errors);
    validateTraining(study.training(), errors);
    AttributionSpec attribution = study.attribution();
    if (attribution != null) {
      validateAttribution(attribution, imageStudy, study, errors);
    }
    SelectionSpec selection = study.selection();
    if (selection != null) {
      validateSelection(selection, attribution != null, errors);
    }
    if (study.recommendMixture() != null) {
      validateRecommendation(study, imageStudy, distributions, errors);
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

  private void validateScales(StudyDefinition study, List<FieldError> errors) {
    List<ModelScale> scales = study.scales();
    if (scales == null || scales.size() < 2) {
      errors.add(
          new FieldError("scales", "at least two scales are required (proxies and a reference)"));
      return;
    }
    if (scales.size() > MAX_SCALES) {
      errors.add(new FieldError("scales", "at most " + MAX_SCALES + " scales"));
      return;
    }
    Set<String> names = new HashSet<>();
    boolean allValid = true;
    for (int i = 0; i < scales.size(); i++) {
      String at = "scales[" + i + "]";
      ModelScale s = scales.get(i);
      if (s == null) {
        errors.add(new FieldError(at, "must not be null"));
        allValid = false;
        continue;
      }
      int before = errors.size();
      if (s.name() == null || s.name().isBlank()) {
        errors.add(new FieldError(at + ".name", "is required"));
      } else if (!names.add(s.name())) {
        errors.add(new FieldError(at + ".name", "duplicate scale name '" + s.name() + "'"));
      }
      boolean image = DomainCatalog.IMAGE.equals(catalog.modality());
      String family = s.familyOrDefault();
      if (!List.of(ModelScale.LM, ModelScale.MLP, ModelScale.CNN).contains(family)) {
        errors.add(new FieldError(at + ".family", "must be lm, mlp or cnn"));
      } else if (image == s.languageModelFamily()) {
        errors.add(
            new FieldError(
                at + ".family",
                image
                    ? "an image dataset needs an image classifier (mlp or cnn)"
                    : "a text dataset needs a language model (lm)"));
      }
      range(errors, at + ".width", s.width(), s.languageModelFamily() ? 8 : 1, MAX_WIDTH);
      range(errors, at + ".depth", s.depth(), 1, MAX_DEPTH);
      if (s.languageModelFamily()) {
        range(errors, at + ".heads", s.heads(), 1, 64);
        range(errors, at + ".context", s.context(), 8, MAX_CONTEXT);
        if (s.width() != null && s.heads() != null && s.heads() > 0 && s.width() % s.heads() != 0) {
          errors.add(new FieldError(at + ".heads", "must divide width " + s.width()));
        }
      }
      allValid &= errors.size() == before;
    }
    String reference = study.referenceScale();
    if (reference == null) {
      errors.add(new FieldError("referenceScale", "is required"));
    } else if (!names.contains(reference)) {
      errors.add(new FieldError("referenceScale", "names no scale of this study"));
    } else if (allValid) {
      ModelScale ref = scales.stream().filter(s -> reference.equals(s.name())).findFirst().get();
      for (int i = 0; i < scales.size(); i++) {
        ModelScale s = scales.get(i);
        if (!s.languageModelFamily()) {
          // Classifier families are scaled by width: the reference is the widest.
          if (s != ref
              && (s.width() >= ref.width() || !s.familyOrDefault().equals(ref.familyOrDefault()))) {
            errors.add(
                new FieldError(
                    "referenceScale",
                    "the reference must be the widest scale of the same family; scales["
                        + i
                        + "] is "
                        + s.familyOrDefault()
                        + " of width "
                        + s.width()));
          }
          continue;
        }
        if (s != ref && s.nonEmbeddingParams() >= ref.nonEmbeddingParams()) {
          errors.add(
              new FieldError(
                  "referenceScale",
                  "the reference must have the most parameters; scales["
                      + i
                      + "] has "
                      + s.nonEmbeddingParams()
                      + " >= "
                      + ref.nonEmbeddingParams()));
        }
      }
    }
  }

  /** Returns the number of distributions the study resolves to. */
  private int validateDistributions(StudyDefinition study, List<FieldError> errors) {
    int count = 0;
    Set<String> names = new HashSet<>();
    List<MixtureSpec> explicit = study.distributions();
    if (explicit != null) {
      for (int i = 0; i < explicit.size(); i++) {
        validateMixture("distributions[" + i + "]", explicit.get(i), names, errors);
      }
      count += explicit.size();
    }
    GeneratedMixtures generated = study.generated();
    if (generated != null && generated.dirichlet() != null) {
      GeneratedMixtures.Dirichlet d = generated.dirichlet();
      range(errors, "generated.dirichlet.count", d.count(), 1, MAX_DIRICHLET_COUNT);
      if (d.alpha() == null || !(d.alpha() > 0 && d.alpha() <= 1000)) {
        errors.add(new FieldError("generated.dirichlet.alpha", "must be > 0 and <= 1000"));
      }
      if (d.seed() == null) {
        errors.add(new FieldError("generated.dirichlet.seed", "is required"));
      }
      count += d.count() != null ? Math.max(0, d.count()) : 0;
    }
    if (generated != null && Boolean.TRUE.equals(generated.leaveOneOut())) {
      count += catalog.domains().size();
    }
    if (generated != null && generated.randomSubsets() != null) {
      GeneratedMixtures.RandomSubsets r = generated.randomSubsets();
      range(errors, "generated.randomSubsets.count", r.count(), 1, MAX_DISTRIBUTIONS);
      if (r.fraction() == null || !(r.fraction() > 0 && r.fraction() <= 1)) {
        errors.add(new FieldError("generated.randomSubsets.fraction", "must be > 0 and <= 1"));
      }
      if (r.seed() == null) {
        errors.add(new FieldError("generated.randomSubsets.seed", "is required"));
      }
      count += r.count() != null ? Math.max(0, r.count()) : 0;
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

  private void validateMixture(
      String at, MixtureSpec mixture, Set<String> names, List<FieldError> errors) {
    if (mixture == null) {
      errors.add(new FieldError(at, "must not be null"));
      return;
    }
    if (mixture.name() == null || mixture.name().isBlank()) {
      errors.add(new FieldError(at + ".name", "is required"));
    } else if (mixture.name().length() > MAX_NAME_LENGTH) {
      errors.add(
          new FieldError(at + ".name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    } else if (mixture.name().startsWith("dirichlet-") || mixture.name().startsWith("without-")) {
      errors.add(new FieldError(at + ".name", "the prefixes dirichlet- and without- are reserved"));
    } else if (!names.add(mixture.name())) {
      errors.add(
          new FieldError(at + ".name", "duplicate distribution name '" + mixture.name() + "'"));
    }
    if (mixture.subset() != null) {
      validateSubset(at, mixture, errors);
      return;
    }
    if (DomainCatalog.IMAGE.equals(catalog.modality())) {
      errors.add(
          new FieldError(
              at + ".subset", "an image study trains on subsets of the pool: give subset"));
      return;
    }
    Map<String, Double> weights = mixture.weights();
    if (weights == null || weights.isEmpty()) {
      errors.add(new FieldError(at + ".weights", "at least one domain weight is required"));
      return;
    }
    double sum = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      String field = at + ".weights." + w.getKey();
      if (!catalog.domains().contains(w.getKey())) {
        errors.add(new FieldError(field, "unknown domain; available: " + catalog.domains()));
      } else if (w.getValue() == null || !(w.getValue() >= 0 && w.getValue() <= 1)) {
        errors.add(new FieldError(field, "must be a number between 0 and 1"));
      } else {
        sum += w.getValue();
      }
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE
        && errors.stream().noneMatch(e -> e.field().startsWith(at + ".weights."))) {
      errors.add(new FieldError(at + ".weights", "must sum to 1 (they sum to " + sum + ")"));
    }
  }

  private void validateSubset(String at, MixtureSpec mixture, List<FieldError> errors) {
    if (mixture.weights() != null) {
      errors.add(new FieldError(at, "give either weights or subset, not both"));
    }
    List<String> subset = mixture.subset();
    if (subset.isEmpty()) {
      errors.add(new FieldError(at + ".subset", "must name at least one training document"));
    } else if (subset.size() > MAX_SUBSET) {
      errors.add(new FieldError(at + ".subset", "at most " + MAX_SUBSET + " documents"));
    } else {
      for (int i = 0; i < subset.size(); i++) {
        String id = subset.get(i);
        if (id == null || !catalog.hasTrainingDocument(id)) {
          errors.add(
              new FieldError(
                  at + ".subset[" + i + "]", "no training document with id '" + id + "'"));
          return;
        }
      }
    }
  }

  private static void validateSeeds(StudyDefinition study, List<FieldError> errors) {
    List<Long> seeds = study.seeds();
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

  private void validateEvalSets(StudyDefinition study, List<FieldError> errors) {
    List<String> evalSets = study.evalSets();
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

  private static void validateAttribution(
      AttributionSpec a, boolean imageStudy, StudyDefinition study, List<FieldError> errors) {
    if (!imageStudy) {
      errors.add(
          new FieldError(
              "attribution",
              "attribution studies are available for image datasets (image classifiers) only"));
    }
    range(errors, "attribution.modelsPerScale", a.modelsPerScale(), 1, MAX_MODELS_PER_SCALE);
    range(errors, "attribution.dimension", a.dimension(), 1, MAX_PROJECTION_DIMENSION);
    between(errors, "attribution.lambda", a.lambda(), 0, 1e6, true);
    range(errors, "attribution.targets", a.targets(), 1, MAX_TARGETS, true);
    if (study.distributions() != null
        && study.distributions().stream()
            .anyMatch(d -> d != null && AttributionSpec.POOL.equals(d.name()))) {
      errors.add(
          new FieldError(
              "distributions",
              "the name '" + AttributionSpec.POOL + "' is reserved in attribution studies"));
    }
  }

  private void validateSelection(SelectionSpec s, boolean attribution, List<FieldError> errors) {
    if (!attribution) {
      errors.add(
          new FieldError(
              "selection", "needs an attribution block (models per scale, dimension, lambda)"));
    }
    range(errors, "selection.size", s.size(), 1, catalog.trainingDocumentIds().size());
    range(errors, "selection.randomDraws", s.randomDraws(), 1, MAX_RANDOM_DRAWS, true);
    List<Integer> classes = s.targetClasses();
    if (classes != null) {
      if (classes.isEmpty() || classes.size() > MAX_TARGET_CLASSES) {
        errors.add(
            new FieldError(
                "selection.targetClasses",
                "give 1 to " + MAX_TARGET_CLASSES + " labels, or omit it for every test example"));
      } else if (classes.stream().anyMatch(c -> c == null || c < 0)
          || new HashSet<>(classes).size() != classes.size()) {
        errors.add(new FieldError("selection.targetClasses", "labels must be distinct and >= 0"));
      }
    }
  }

  private void validateRecommendation(
      StudyDefinition study, boolean imageStudy, int distributions, List<FieldError> errors) {
    MixtureRecommendationSpec r = study.recommendMixture();
    if (imageStudy) {
      errors.add(
          new FieldError(
              "recommendMixture", "mixture recommendation needs a text dataset (domains)"));
      return;
    }
    if (study.attribution() != null) {
      errors.add(
          new FieldError("recommendMixture", "cannot be combined with attribution in one study"));
    }
    List<String> evalSets = study.evalSets() != null ? study.evalSets() : catalog.evalSets();
    if (r.target() == null || !evalSets.contains(r.target())) {
      errors.add(
          new FieldError(
              "recommendMixture.target", "must be one of the study's evaluation sets " + evalSets));
    }
    range(errors, "recommendMixture.candidates", r.candidates(), 1, MAX_MIXTURE_CANDIDATES, true);
    range(errors, "recommendMixture.randomMixtures", r.randomMixtures(), 1, MAX_RANDOM_DRAWS, true);
    boolean subsets =
        (study.distributions() != null
                && study.distributions().stream().anyMatch(d -> d != null && d.hasSubset()))
            || (study.generated() != null && study.generated().randomSubsets() != null);
    if (subsets) {
      errors.add(
          new FieldError(
              "distributions", "a mixture recommendation needs mixtures of domains, not subsets"));
    }
    int needed = catalog.domains().size() + 1;
    if (distributions < needed) {
      errors.add(
          new FieldError(
              "distributions",
              "a mixture recommendation regresses on "
                  + catalog.domains().size()
                  + " domain weights: give at least "
                  + needed
                  + " distributions"));
    }
  }

  private static void validateTraining(TrainingSettings t, List<FieldError> errors) {
    if (t == null) {
      return;
    }
    range(errors, "training.batchSize", t.batchSize(), 1, MAX_BATCH, true);
    between(errors, "training.learningRate", t.learningRate(), 0, 1, false);
    between(errors, "training.warmupFraction", t.warmupFraction(), 0, 0.5, true);
    between(errors, "training.weightDecay", t.weightDecay(), 0, 1, true);
    between(errors, "training.gradientClip", t.gradientClip(), 0, 1e6, false);
    range(errors, "training.epochs", t.epochs(), 1, 10_000, true);
    if (t.device() != null
        && !t.device().equals(TrainingSettings.CPU)
        && !t.device().equals(TrainingSettings.GPU)) {
      errors.add(new FieldError("training.device", "must be cpu or gpu"));
    }
  }

  private static void range(
      List<FieldError> errors, String field, Integer value, int min, int max) {
    range(errors, field, value, min, max, false);
  }

  private static void range(
      List<FieldError> errors, String field, Integer value, int min, int max, boolean optional) {
    if (value == null) {
      if (!optional) {
        errors.add(new FieldError(field, "is required"));
      }
    } else if (value < min || value > max) {
      errors.add(new FieldError(field, "must be between " + min + " and " + max));
    }
  }

  /** Optional number in (min, max], or [min, max] when {@code minInclusive}. */
  private static void between(
      List<FieldError> errors,
      String field,
      Double value,
      double min,
      double max,
      boolean minInclusive) {
    if (value == null) {
      return;
    }
    boolean low = minInclusive ? value >= min : value > min;
    if (!(low && value <= max)) {
      errors.add(
          new FieldError(
              field, "must be " + (minInclusive ? ">= " : "> ") + min + " and <= " + max));
    }
  }
}
