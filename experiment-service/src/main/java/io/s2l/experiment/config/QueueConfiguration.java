package io.s2l.experiment.config;

import io.s2l.queue.JobQueue;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the job queue; the queue's schema is migrated before the queue is used. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  JobQueue jobQueue(DataSource dataSource, Clock clock) {
    return JobQueue.migrated(dataSource, clock);
  }
}
