package io.s2l.analysis.correlation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.run.RunReader;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.JobHandler;
import io.s2l.stats.study.ScaleCorrelationRow;
import io.s2l.stats.study.ScaleCorrelationTable;
import io.s2l.study.AnalysisJobSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a study's analysis job: read its runs' losses, correlate every proxy with the reference,
 * store.
 */
@Component
class CorrelationJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(CorrelationJobHandler.class);

  private final ObjectMapper json;
  private final RunReader runs;
  private final CorrelationStore store;

  CorrelationJobHandler(ObjectMapper json, RunReader runs, CorrelationStore store) {
    this.json = json;
    this.runs = runs;
    this.store = store;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    AnalysisJobSpec spec = json.readValue(job.payloadJson(), AnalysisJobSpec.class);
    List<ScaleCorrelationRow> rows =
        ScaleCorrelationTable.compute(
            runs.meanLosses(spec.studyId()),
            spec.scales(),
            spec.referenceScale(),
            spec.distributions(),
            spec.evalSets());
    context.checkLease();
    store.replaceAndComplete(spec.studyId(), spec.distributions(), rows, job);
    log.info("study {}: scale correlation stored ({} rows)", spec.studyId(), rows.size());
  }
}
