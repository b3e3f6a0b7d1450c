package io.s2l.worker.training;

import ai.djl.engine.Engine;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2l.lm.train.LmEngine;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobRunner;
import io.s2l.queue.MicrometerJobEvents;
import io.s2l.queue.QueueTimings;
import io.s2l.queue.WorkerCapabilities;
import io.s2l.study.JobKinds;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.features.FeatureJobs;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker's single job thread, started with the application and stopped before it shuts down.
 * One job at a time per process: PyTorch allows one gradient collector per JVM. Start-up fails when
 * the lease and job timeout cannot work together ({@link QueueTimings#validated}).
 */
@Component
class WorkerLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);

  private final JobRunner runner;
  private final WorkerProperties properties;

  WorkerLoop(
      JobQueue queue,
      TrainingJobHandler training,
      FeatureJobs features,
      WorkerProperties properties,
      DataSource dataSource,
      MeterRegistry metrics) {
    this.properties = properties;
    QueueTimings timings =
        QueueTimings.validated(
            "s2l.worker",
            properties.lease(),
            properties.jobTimeout(),
            dataSource instanceof HikariDataSource hikari
                ? Duration.ofMillis(hikari.getConnectionTimeout())
                : Duration.ZERO);
    String owner = "trainer-" + ManagementFactory.getRuntimeMXBean().getName();
    Engine engine = LmEngine.start(properties.threads());
    WorkerCapabilities capabilities =
        new WorkerCapabilities(engine.getGpuCount() > 0, memory(properties));
    log.info(
        "worker {}: {} GPU(s), {} MiB for a job",
        owner,
        engine.getGpuCount(),
        capabilities.memoryBytes() >> 20);
    this.runner =
        new JobRunner(
            queue,
            List.of(JobKinds.TRAIN, JobKinds.FEATURIZE),
            owner,
            timings,
            capabilities,
            (job, context) -> {
              if (JobKinds.FEATURIZE.equals(job.kind())) {
                features.handle(job, context);
              } else {
                training.handle(job, context);
              }
            });
    runner.reportingTo(new MicrometerJobEvents(metrics));
  }

  private static long memory(WorkerProperties properties) {
    if (properties.memory() != null) {
      return properties.memory().toBytes();
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getTotalMemorySize();
  }

  @Override
  public void start() {
    runner.start(properties.idlePoll(), "trainer");
    log.info("trainer worker polling for '{}' and '{}' jobs", JobKinds.TRAIN, JobKinds.FEATURIZE);
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
