package io.s2l.analysis.correlation;

import io.s2l.analysis.storage.VersionedRows;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.spring.CompletingTransaction;
import io.s2l.queue.spring.CurrentTransaction;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores an analysis result as the study's next version and completes its job, in one transaction;
 * earlier versions are kept.
 */
@Component
class AnalysisStore {

  private static final String[] COLUMNS = {"spec", "result"};

  private final CompletingTransaction completing;
  private final Clock clock;

  AnalysisStore(CompletingTransaction completing, Clock clock) {
    this.completing = completing;
    this.clock = clock;
  }

  /**
   * Returns the version stored; {@code alsoWrite} runs in the same transaction (an import's
   * COMPLETED event).
   */
  int storeAndComplete(
      UUID studyId,
      String specJson,
      String resultJson,
      ClaimedJob job,
      CurrentTransaction.Update alsoWrite) {
    return completing.run(
        job,
        "the analysis of " + studyId,
        c -> {
          int version =
              VersionedRows.insertNext(
                  c, "analysis_result", studyId, clock.instant(), COLUMNS, specJson, resultJson);
          alsoWrite.accept(c);
          return version;
        });
  }
}
