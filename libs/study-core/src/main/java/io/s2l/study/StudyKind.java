package io.s2l.study;

/**
 * What a study computes, decided by the blocks its definition carries (docs/study-kinds.md). The
 * name of each kind is that of its result ({@code GET /api/v1/studies/{id}/<name>}).
 */
public enum StudyKind {
  SCALE_CORRELATION("scale-correlation"),
  ATTRIBUTION("attribution"),
  SELECTION("selection"),
  MIXTURE("mixture");

  private final String label;

  StudyKind(String label) {
    this.label = label;
  }

  /** The kind's name in the API: {@code scale-correlation}, {@code attribution}, ... */
  public String label() {
    return label;
  }

  /**
   * The kind of {@code study}. Selection needs the attribution block, so it is looked at first; the
   * validator refuses a mixture recommendation with either.
   */
  public static StudyKind of(StudyDefinition study) {
    if (study.selection() != null) {
      return SELECTION;
    }
    if (study.attribution() != null) {
      return ATTRIBUTION;
    }
    return study.recommendMixture() != null ? MIXTURE : SCALE_CORRELATION;
  }

  /** The kind named {@code label}, or null when no kind has that name. */
  public static StudyKind byLabel(String label) {
    for (StudyKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    return null;
  }
}
