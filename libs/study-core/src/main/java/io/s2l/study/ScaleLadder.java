package io.s2l.study;

import static io.s2l.study.StudyLimits.MAX_SCALES;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks on a study's scales together: their number, unique names, each scale's own fields (its
 * trainer and options included), and a reference that is the largest of them.
 */
final class ScaleLadder {

  private ScaleLadder() {}

  static void validate(StudyDefinition study, boolean imageDataset, List<FieldError> errors) {
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
      String problem = Names.scaleProblem(s.name());
      if (problem != null) {
        errors.add(new FieldError(at + ".name", problem));
      } else if (!names.add(s.name())) {
        errors.add(new FieldError(at + ".name", "duplicate scale name '" + s.name() + "'"));
      }
      s.validate(at, imageDataset, errors);
      ScaleOptions.validate(s, at, study.trainerOf(s), errors);
      allValid &= errors.size() == before;
    }
    String reference = study.referenceScale();
    if (reference == null) {
      errors.add(new FieldError("referenceScale", "is required"));
    } else if (!names.contains(reference)) {
      errors.add(new FieldError("referenceScale", "names no scale of this study"));
    } else if (allValid) {
      validateReference(scales, reference, errors);
    }
  }

  /** The reference must be the largest scale: the most parameters, or the widest classifier. */
  private static void validateReference(
      List<ModelScale> scales, String reference, List<FieldError> errors) {
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
