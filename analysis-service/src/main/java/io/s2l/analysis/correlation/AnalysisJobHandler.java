package io.s2l.analysis.correlation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.imports.ImportCallbacks;
import io.s2l.analysis.recommendation.Metric;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.LeaseLostException;
import io.s2l.queue.WorkerStoppingException;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.queue.spring.JobHandler;
import io.s2l.stats.metrics.MetricDecision;
import io.s2l.stats.metrics.MetricDecisions;
import io.s2l.stats.study.AnalysisOptions;
import io.s2l.stats.study.AnalysisResult;
import io.s2l.stats.study.LossCube;
import io.s2l.stats.study.ScaleCorrelationAnalysis;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a study's analysis job: load its per-example losses (trained here or imported), compute the
 * full scale-correlation analysis and the decision accuracy of each proxy metric on the sets with
 * answers, store them as the next version and complete the job. An import's callbacks are told when
 * its analysis starts (ANALYZING), completes (with the completion) and fails on its last attempt
 * (FAILED).
 */
@Component
class AnalysisJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(AnalysisJobHandler.class);

  private final ObjectMapper json;
  private final TrainedLosses trained;
  private final ImportedLosses imported;
  private final AnalysisStore store;
  private final ImportCallbacks callbacks;
  private final CurrentTransaction transaction;
  private final Clock clock;

  AnalysisJobHandler(
      ObjectMapper json,
      TrainedLosses trained,
      ImportedLosses imported,
      AnalysisStore store,
      ImportCallbacks callbacks,
      CurrentTransaction transaction,
      Clock clock) {
    this.json = json;
    this.trained = trained;
    this.imported = imported;
    this.store = store;
    this.callbacks = callbacks;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return JobKinds.ANALYZE;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    AnalysisJobSpec spec = json.readValue(job.payloadJson(), AnalysisJobSpec.class);
    boolean training =
        switch (spec.sourceOrDefault()) {
          case AnalysisJobSpec.SOURCE_TRAINING -> true;
          case AnalysisJobSpec.SOURCE_IMPORT -> false;
          default -> throw new IllegalArgumentException("unknown source '" + spec.source() + "'");
        };
    if (training) {
      analyze(spec, true, job, context);
      return;
    }
    // an import's callbacks hear of its analysis: a study's hear of it from the experiment service
    tellImport(spec.studyId(), "ANALYZING");
    try {
      analyze(spec, false, job, context);
    } catch (LeaseLostException | WorkerStoppingException e) {
      throw e; // the job was taken from this worker or handed back: it did not fail here
    } catch (Exception e) {
      if (job.attempt() >= job.maxAttempts()) {
        tellImport(spec.studyId(), "FAILED"); // the last attempt: the queue fails the job for good
      }
      throw e;
    }
  }

  private void tellImport(UUID id, String status) throws SQLException {
    transaction.run(c -> callbacks.moved(c, id, status, clock.instant()));
  }

  private void analyze(AnalysisJobSpec spec, boolean training, ClaimedJob job, JobContext context)
      throws Exception {
    long started = System.nanoTime();
    LossCube cube = training ? trained.load(spec) : imported.load(spec);
    MetricDecisions.Scores scores = training ? trained.scores(spec) : imported.scores(spec);
    context.progress(0.3);
    context.checkLease();
    AnalysisOptions defaults = AnalysisOptions.defaults(spec.referenceScale());
    AnalysisOptions options =
        new AnalysisOptions(
            spec.referenceScale(),
            defaults.resamples(),
            defaults.seed(),
            defaults.level(),
            Metric.parse(spec.metric()),
            spec.threshold() != null ? spec.threshold() : defaults.threshold(),
            spec.minDistributions() != null ? spec.minDistributions() : defaults.minDistributions(),
            defaults.histogramBins());
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(cube, options);
    List<MetricDecision> metrics =
        MetricDecisions.analyze(
            cube.scales(),
            cube.distributions(),
            cube.seeds(),
            cube.evalSets(),
            spec.referenceScale(),
            scores);
    context.checkLease();
    ScaleCorrelationResult document = ResultDocument.of(spec.studyId(), result, metrics);
    int version =
        store.storeAndComplete(
            spec.studyId(),
            json.writeValueAsString(spec),
            json.writeValueAsString(document),
            job,
            c -> {
              if (!training) {
                callbacks.moved(c, spec.studyId(), "COMPLETED", clock.instant());
              }
            });
    log.info(
        "study {}: analysis version {} stored ({} entries, {} ms)",
        spec.studyId(),
        version,
        result.entries().size(),
        (System.nanoTime() - started) / 1_000_000);
  }
}
