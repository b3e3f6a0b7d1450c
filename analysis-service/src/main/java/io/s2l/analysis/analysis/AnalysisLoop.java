package io.s2l.analysis.analysis;

import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobRunner;
import io.s2l.study.JobKinds;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Claims analysis jobs from the queue, one at a time, for as long as the service runs. */
@Component
class AnalysisLoop implements SmartLifecycle {

  private final JobRunner runner;
  private final AnalysisProperties properties;

  AnalysisLoop(JobQueue queue, AnalysisJobHandler handler, AnalysisProperties properties) {
    this.properties = properties;
    String owner = "analysis-" + ManagementFactory.getRuntimeMXBean().getName();
    this.runner =
        new JobRunner(queue, List.of(JobKinds.ANALYZE), owner, properties.lease(), handler);
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
