package io.s2l.analysis.correlation;

import java.util.UUID;

/**
 * The study has no analysis (it is unknown, or its analysis has not run yet), or not that version.
 */
public class AnalysisNotFoundException extends RuntimeException {
  public AnalysisNotFoundException(UUID studyId, Integer version) {
    super(
        version == null
            ? "no analysis of study " + studyId + ": it is unknown or its analysis has not run yet"
            : "study " + studyId + " has no analysis version " + version);
  }
}
