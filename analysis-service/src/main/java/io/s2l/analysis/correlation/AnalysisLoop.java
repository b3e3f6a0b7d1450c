package io.s2l.analysis.correlation;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2l.analysis.attribution.AttributionJobHandler;
import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.analysis.mixture.RecommendJobHandler;
import io.s2l.analysis.selection.VerifyJobHandler;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobRunner;
import io.s2l.queue.MicrometerJobEvents;
import io.s2l.queue.QueueTimings;
import io.s2l.queue.WorkerCapabilities;
import io.s2l.study.JobKinds;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims analysis jobs (scale correlation), attribution jobs, mixture recommendation jobs and
 * verification jobs from the queue, one at a time, for as long as the service runs. Start-up fails
 * when the lease and job timeout cannot work together ({@link QueueTimings#validated}).
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
      DataSource dataSource,
      MeterRegistry metrics) {
    this.properties = properties;
    QueueTimings timings =
        QueueTimings.validated(
            "s2l.analysis",
            properties.lease(),
            properties.jobTimeout(),
            dataSource instanceof HikariDataSource hikari
                ? Duration.ofMillis(hikari.getConnectionTimeout())
                : Duration.ZERO);
    String owner = "analysis-" + ManagementFactory.getRuntimeMXBean().getName();
    this.runner =
        new JobRunner(
            queue,
            List.of(JobKinds.ANALYZE, JobKinds.ATTRIBUTE, JobKinds.RECOMMEND, JobKinds.VERIFY),
            owner,
            timings,
            WorkerCapabilities.ANY_CPU,
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
