package io.s2l.worker.config;

import ai.djl.engine.Engine;
import io.s2l.lm.train.LmEngine;
import io.s2l.queue.WorkerCapabilities;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this worker can run, advertised to the queue so that it claims only jobs that fit: whether
 * PyTorch sees a GPU, and the memory one job may use. The engine is started here, with its thread
 * count, before the worker claims its first job.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

  @Bean
  WorkerCapabilities workerCapabilities(WorkerProperties properties) {
    Engine engine = LmEngine.start(properties.threads());
    WorkerCapabilities capabilities =
        new WorkerCapabilities(engine.getGpuCount() > 0, memory(properties));
    log.info(
        "worker {}: {} GPU(s), {} MiB for a job",
        ManagementFactory.getRuntimeMXBean().getName(),
        engine.getGpuCount(),
        capabilities.memoryBytes() >> 20);
    return capabilities;
  }

  private static long memory(WorkerProperties properties) {
    if (properties.memory() != null) {
      return properties.memory().toBytes();
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getTotalMemorySize();
  }
}
