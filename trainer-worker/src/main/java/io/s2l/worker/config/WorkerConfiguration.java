package io.s2l.worker.config;

import io.s2l.queue.JobQueue;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  JobQueue jobQueue(DataSource dataSource, Clock clock) {
    return JobQueue.migrated(dataSource, clock);
  }
}
