package io.s2l.worker.trainers;

import io.s2l.worker.config.GpuAssignment;
import io.s2l.worker.config.WorkerProperties;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The child-process machinery of external trainers. The orphan reaper runs while the application
 * starts, before the worker claims its first job.
 */
@Configuration(proxyBeanMethods = false)
class TrainerProcessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TrainerProcessConfiguration.class);

  /**
   * Trainers see the GPU this worker owns: the configured {@code cuda-visible-devices}, or else the
   * worker's own GPU ({@link GpuAssignment}).
   */
  @Bean
  TrainerProcess trainerProcess(WorkerProperties worker, GpuAssignment gpu) {
    WorkerProperties.TrainerProcessSettings settings = worker.trainerProcess();
    String configured = settings.cudaVisibleDevices();
    WorkerProperties.TrainerProcessSettings resolved =
        configured != null && !configured.isBlank()
            ? settings
            : new WorkerProperties.TrainerProcessSettings(
                settings.ownProcessGroup(),
                settings.grace(),
                settings.poll(),
                gpu.visibleDevices().orElse(null));
    return new TrainerProcess(resolved, worker.localDir(), worker.threads());
  }

  @Bean
  OrphanReaper orphanReaper(WorkerProperties worker) throws IOException {
    OrphanReaper reaper = new OrphanReaper(worker.localDir(), worker.trainerProcess().grace());
    int reaped = reaper.reap();
    if (reaped > 0) {
      log.info("reaped {} trainer(s) of dead workers in {}", reaped, worker.localDir());
    }
    return reaper;
  }
}
