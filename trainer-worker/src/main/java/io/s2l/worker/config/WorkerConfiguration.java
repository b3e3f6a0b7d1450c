package io.s2l.worker.config;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import io.s2l.lm.train.LmEngine;
import io.s2l.queue.WorkerCapabilities;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this worker can run, advertised to the queue so that it claims only jobs that fit: the GPU
 * it owns ({@link GpuAssignment}), and the memory one job may use. The engine is started here, with
 * its thread count, before the worker claims its first job.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

  @Bean
  GpuAssignment gpuAssignment(WorkerProperties properties) {
    Engine engine = LmEngine.start(properties.threads());
    // CUDA's own count sees GPUs even when the engine runs on CPU natives: external trainers can
    // use them.
    int detected = Math.max(engine.getGpuCount(), CudaUtils.getGpuCount());
    GpuAssignment gpu =
        GpuAssignment.of(
            detected,
            i -> CudaUtils.getGpuMemory(Device.gpu(i)).getMax(),
            System.getenv("CUDA_VISIBLE_DEVICES"));
    if (detected > 1) {
      log.warn(
          "this worker sees {} GPUs and uses one ({}): start one worker per GPU, each with its own"
              + " CUDA_VISIBLE_DEVICES",
          detected,
          gpu.visibleDevices().orElseThrow());
    }
    return gpu;
  }

  @Bean
  WorkerCapabilities workerCapabilities(WorkerProperties properties, GpuAssignment gpu) {
    WorkerCapabilities capabilities =
        new WorkerCapabilities(
            gpu.hasGpu(), memory(properties), gpu.hasGpu() ? 1 : 0, gpu.memoryBytes());
    log.info(
        "worker {}: GPU {} ({} MiB), {} MiB for a job",
        ManagementFactory.getRuntimeMXBean().getName(),
        gpu.visibleDevices().orElse("none"),
        gpu.memoryBytes() >> 20,
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
