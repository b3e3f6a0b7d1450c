package io.s2l.launcher.demo;

import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.study.StudyView;
import io.s2l.client.ApiException;
import io.s2l.client.S2lClient;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The results of a study that already finished, read from a running platform as the demo reads them
 * after its run. Which results a study has follows from its kind, which the API does not name, so
 * each is asked for and a 404 means the study has none of that kind.
 */
public final class StudyResults {

  private StudyResults() {}

  /**
   * The study's results, or empty when the analysis service has none for {@code id}.
   *
   * @param study the study as the experiment service shows it, or null for an import (which only
   *     the analysis service knows)
   */
  public static Optional<DemoResult> read(S2lClient client, UUID id, StudyView study) {
    AttributionResult attribution = ifThere(() -> client.attribution(id));
    MixtureResult mixture = ifThere(() -> client.mixture(id));
    SelectionResult selection = ifThere(() -> client.selection(id));
    ScaleCorrelationResult correlation =
        attribution == null && mixture == null ? ifThere(() -> client.scaleCorrelation(id)) : null;
    if (attribution == null && mixture == null && selection == null && correlation == null) {
      return Optional.empty();
    }
    StudyView shown = study != null ? study : imported(correlation);
    Instant submitted = shown.createdAt() != null ? shown.createdAt() : computedAt(correlation);
    Instant completed = shown.updatedAt() != null ? shown.updatedAt() : computedAt(correlation);
    return Optional.of(
        new DemoResult(
            shown,
            correlation,
            attribution,
            selection,
            mixture == null ? null : mixture.verification(),
            client.runs(id),
            submitted,
            null,
            completed));
  }

  /** An import as the report's study block: only its analysis knows it. */
  private static StudyView imported(ScaleCorrelationResult correlation) {
    if (correlation == null) {
      throw new IllegalStateException("an import without a scale-correlation result");
    }
    return new StudyView(
        correlation.studyId(),
        "import",
        "COMPLETED",
        correlation.referenceScale(),
        null,
        null,
        computedAt(correlation),
        computedAt(correlation),
        null);
  }

  /** When the result was computed; the service always says, so the epoch only stands in. */
  private static Instant computedAt(ScaleCorrelationResult correlation) {
    return correlation == null || correlation.computedAt() == null
        ? Instant.EPOCH
        : Instant.parse(correlation.computedAt());
  }

  private static <T> T ifThere(Supplier<T> read) {
    try {
      return read.get();
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
