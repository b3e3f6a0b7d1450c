package io.s2l.analysis.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.s2l.analysis.GoldenDocuments;
import io.s2l.analysis.attribution.AttributionStore;
import io.s2l.analysis.mixture.MixtureVerifier;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The verification still writes the golden selection document from the golden attribution and the
 * holdout results it was made from.
 */
class VerifyJobHandlerGoldenTest {

  @Test
  void writesTheGoldenDocument() throws Exception {
    UUID study = UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    AttributionResult attribution =
        GoldenDocuments.JSON.readValue(
            GoldenDocuments.text("attribution-selection"), AttributionResult.class);
    AttributionStore attributions = mock(AttributionStore.class);
    when(attributions.latest(study))
        .thenReturn(Optional.of(new AttributionStore.Stored(1, attribution)));
    VerificationRuns runs = mock(VerificationRuns.class);
    Random r = new Random(5);
    when(runs.load(eq(study), eq("w16"), anyString(), eq("images/digits-test"), any()))
        .thenAnswer(
            a -> {
              int[] holdout = a.getArgument(4);
              double[][] losses = new double[1][holdout.length];
              double[][] accuracy = new double[1][holdout.length];
              for (int i = 0; i < holdout.length; i++) {
                losses[0][i] = 0.8 + 0.2 * r.nextGaussian();
                accuracy[0][i] = r.nextBoolean() ? 1.0 : 0.0;
              }
              return new HoldoutLosses(new long[] {0}, losses, accuracy);
            });
    SelectionStore store = mock(SelectionStore.class);
    AtomicReference<String> stored = new AtomicReference<>();
    when(store.storeAndComplete(eq(study), anyString(), any()))
        .thenAnswer(
            a -> {
              stored.set(a.getArgument(1));
              return 1;
            });
    VerifyJobHandler handler =
        new VerifyJobHandler(
            GoldenDocuments.JSON, attributions, runs, store, mock(MixtureVerifier.class));
    ClaimedJob job =
        new ClaimedJob(1, study, "verify", "verify", "{\"studyId\":\"" + study + "\"}", 1, 3, "w");
    handler.handle(
        job,
        new JobContext() {
          public void progress(double fraction) {}

          public void checkLease() {}
        });
    assertThat(stored.get()).isEqualTo(GoldenDocuments.text("selection"));
  }
}
