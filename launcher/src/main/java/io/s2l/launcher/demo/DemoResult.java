package io.s2l.launcher.demo;

import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.run.RunView;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.study.StudyView;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * A completed study as the API returned it, with when it was submitted, trained and analysed. An
 * attribution study has an {@code attribution} analysis and no {@code scaleCorrelation}; a mixture
 * study has the verification of its recommended mixtures in {@code mixture} and no {@code
 * scaleCorrelation}; every other study has a {@code scaleCorrelation}. A selection study also has
 * its verified {@code selection}. What a study does not have is null; so is {@code trainedAt} when
 * it is not known (results read after the fact).
 */
public record DemoResult(
    StudyView study,
    ScaleCorrelationResult scaleCorrelation,
    AttributionResult attribution,
    SelectionResult selection,
    MixtureVerification mixture,
    List<RunView> runs,
    Instant submittedAt,
    Instant trainedAt,
    Instant completedAt) {

  /** The tables of what the study has, as the demo prints them. */
  public void print(PrintStream out) {
    if (scaleCorrelation != null) {
      ResultsTable.print(scaleCorrelation, out);
    }
    if (attribution != null) {
      AttributionSection.print(attribution, out);
    }
    if (selection != null) {
      SelectionSection.print(selection, out);
    }
    if (mixture != null) {
      SelectionSection.print(mixture, out);
    }
  }
}
