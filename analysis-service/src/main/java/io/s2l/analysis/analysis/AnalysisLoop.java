package io.s2l.analysis.analysis;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2l.analysis.attribution.AttributionJobHandler;
import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.analysis.mixture.RecommendJobHandler;
import io.s2l.analysis.selection.VerifyJobHandler;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobRunner;
import io.s2l.queue.MicrometerJobEvents;
import io.s2l.study.JobKinds;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims analysis jobs (scale correlation), attribution jobs, mixture recommendation jobs and
 * verification jobs from the queue, one at a time, for as long as the service runs.
 */
@Component
class AnalysisLoop implements SmartLifecycle {

  private final JobRunner runner;
  private final AnalysisProperties properties;

  AnalysisLoop(
      JobQueue queue,
      AnalysisJobHandler analysis,
      AttributionJobHandler attribution,
      VerifyJobHandler verification,
      RecommendJobHandler recommendation,
      AnalysisProperties properties,
      MeterRegistry metrics) {
    this.properties = properties;
    String owner = "analysis-" + ManagementFactory.getRuntimeMXBean().getName();
    this.runner =
        new JobRunner(
            queue,
            List.of(JobKinds.ANALYZE, JobKinds.ATTRIBUTE, JobKinds.RECOMMEND, JobKinds.VERIFY),
            owner,
            properties.lease(),
            (job, context) -> {
              if (JobKinds.ATTRIBUTE.equals(job.kind())) {
                attribution.handle(job, context);
              } else if (JobKinds.RECOMMEND.equals(job.kind())) {
                recommendation.handle(job, context);
              } else if (JobKinds.VERIFY.equals(job.kind())) {
                verification.handle(job, context);
              } else {
                analysis.handle(job, context);
              }
            });
    runner.reportingTo(new MicrometerJobEvents(metrics));
  }

  @Override
  public void start() {
    runner.start(properties.idlePoll(), "analysis");
  }

  @Override
  public void stop() {
    runner.stopAndWait(Duration.ofSeconds(30));
  }

  @Override
  public boolean isRunning() {
    return runner.isRunning();
  }
}
