package io.s2l.queue.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2l.queue.JobEvents;
import io.s2l.queue.JobQueue;
import io.s2l.queue.MicrometerJobEvents;
import io.s2l.queue.WorkerCapabilities;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * The job queue of a Spring Boot service: the {@link Clock} and the {@link JobQueue} (its schema
 * migrated first), made once here unless the application makes its own; the transaction helpers;
 * and, when the application contributes {@link JobHandler} beans, the {@link QueueWorker} that runs
 * their jobs (those of {@code s2l.queue.kinds} when it is set), whose lease and job timeout, and
 * whose concurrency against the connection pool's size, are checked at start-up.
 */
@AutoConfiguration(
    after = {
      DataSourceAutoConfiguration.class,
      DataSourceTransactionManagerAutoConfiguration.class,
      HibernateJpaAutoConfiguration.class,
      TransactionAutoConfiguration.class
    })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(QueueProperties.class)
public class QueueAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  JobQueue jobQueue(DataSource dataSource, Clock clock) {
    return JobQueue.migrated(dataSource, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  CurrentTransaction currentTransaction(DataSource dataSource) {
    return new CurrentTransaction(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean
  CompletingTransaction completingTransaction(
      CurrentTransaction connection, PlatformTransactionManager transactions, JobQueue queue) {
    return new CompletingTransaction(connection, new TransactionTemplate(transactions), queue);
  }

  /** The worker of a process that runs jobs: one that contributes handlers. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(JobHandler.class)
  static class Worker {

    @Bean
    JobHandlers jobHandlers(ObjectProvider<JobHandler> handlers, QueueProperties properties) {
      return new JobHandlers(handlers.orderedStream().toList(), properties.kinds());
    }

    /** Claims every CPU job; a service that knows its GPUs and memory makes its own. */
    @Bean
    @ConditionalOnMissingBean
    WorkerCapabilities workerCapabilities() {
      return WorkerCapabilities.ANY_CPU;
    }

    @Bean
    QueueWorker queueWorker(
        JobQueue queue,
        JobHandlers handlers,
        WorkerCapabilities capabilities,
        QueueProperties properties,
        DataSource dataSource,
        ObjectProvider<MeterRegistry> metrics) {
      MeterRegistry registry = metrics.getIfAvailable();
      JobEvents events = registry == null ? JobEvents.NONE : new MicrometerJobEvents(registry);
      String owner = properties.workerName() + "-" + ManagementFactory.getRuntimeMXBean().getName();
      return new QueueWorker(
          queue,
          handlers,
          owner,
          properties.timings(connectionTimeout(dataSource)),
          capabilities,
          events,
          properties,
          poolSize(dataSource));
    }

    /** The pool's largest size; 0 (not counted) when it is not Hikari. */
    private static int poolSize(DataSource dataSource) {
      if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", null)) {
        return Hikari.maximumPoolSize(dataSource);
      }
      return 0;
    }

    /** How long the pool may wait for a connection; zero (not counted) when it is not Hikari. */
    private static Duration connectionTimeout(DataSource dataSource) {
      if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", null)) {
        return Hikari.connectionTimeout(dataSource);
      }
      return Duration.ZERO;
    }
  }

  /** Kept apart so that the class is loaded only when Hikari is on the classpath. */
  private static final class Hikari {
    static Duration connectionTimeout(DataSource dataSource) {
      return dataSource instanceof HikariDataSource hikari
          ? Duration.ofMillis(hikari.getConnectionTimeout())
          : Duration.ZERO;
    }

    static int maximumPoolSize(DataSource dataSource) {
      return dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 0;
    }
  }
}
