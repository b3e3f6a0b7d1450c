package io.s2l.study;

import java.util.UUID;

/**
 * The payload of a selection study's verification job, queued when the reference models trained on
 * every selection and baseline are done. The selections themselves are in the study's latest
 * attribution analysis. (A mixture study's verification job carries a {@link MixtureJobSpec}.)
 *
 * @param studyId the study
 * @param subject {@code selection} (DsDm) or {@code mixture}; {@code selection} when null
 */
public record VerifyJobSpec(UUID studyId, String subject) {

  public static final String SELECTION = "selection";
  public static final String MIXTURE = "mixture";

  public String subjectOrDefault() {
    return subject != null ? subject : SELECTION;
  }
}
