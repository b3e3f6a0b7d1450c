package io.s2l.queue.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.zaxxer.hikari.HikariDataSource;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.InvalidQueueTimingsException;
import io.s2l.queue.JobContext;
import io.s2l.queue.JobQueue;
import io.s2l.queue.WorkerCapabilities;
import io.s2l.testsupport.MutableClock;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

class QueueAutoConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(QueueAutoConfiguration.class))
          .withUserConfiguration(Database.class)
          .withPropertyValues("s2l.queue.idle-poll=10ms");

  @Test
  void makesTheClockOnceAndNoWorkerWithoutHandlers() {
    context.run(
        app -> {
          assertThat(app).hasSingleBean(Clock.class).hasSingleBean(JobQueue.class);
          assertThat(app.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
          assertThat(app)
              .hasSingleBean(CompletingTransaction.class)
              .hasSingleBean(CurrentTransaction.class)
              .doesNotHaveBean(QueueWorker.class)
              .doesNotHaveBean(JobHandlers.class);
        });
  }

  @Test
  void keepsTheApplicationsOwnClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    context
        .withBean(Clock.class, () -> clock)
        .run(app -> assertThat(app).getBean(Clock.class).isSameAs(clock));
  }

  @Test
  void runsAWorkerForTheKindsOfTheContributedHandlers() {
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withBean("featurizer", JobHandler.class, () -> handler("featurize"))
        .run(
            app -> {
              assertThat(app).hasSingleBean(QueueWorker.class);
              assertThat(app.getBean(JobHandlers.class).kinds())
                  .containsExactly("featurize", "train");
              assertThat(app.getBean(WorkerCapabilities.class))
                  .isEqualTo(WorkerCapabilities.ANY_CPU);
              assertThat(app.getBean(QueueWorker.class).isRunning()).isTrue();
            });
  }

  @Test
  void claimsOnlyTheConfiguredKinds() {
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withBean("featurizer", JobHandler.class, () -> handler("featurize"))
        .withPropertyValues("s2l.queue.kinds=featurize")
        .run(
            app -> assertThat(app.getBean(JobHandlers.class).kinds()).containsExactly("featurize"));
  }

  @Test
  void anEmptyKindsSettingClaimsEveryKind() {
    // what S2L_QUEUE_KINDS left unset gives: ${S2L_QUEUE_KINDS:} in application.yml
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withBean("featurizer", JobHandler.class, () -> handler("featurize"))
        .withPropertyValues("s2l.queue.kinds=")
        .run(
            app ->
                assertThat(app.getBean(JobHandlers.class).kinds())
                    .containsExactly("featurize", "train"));
  }

  @Test
  void refusesToStartRestrictedToAKindWithoutHandler() {
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withPropertyValues("s2l.queue.kinds=train,verify")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("s2l.queue.kinds names 'verify'"));
  }

  @Test
  void keepsTheApplicationsOwnCapabilities() {
    WorkerCapabilities gpu = new WorkerCapabilities(true, 16L << 30);
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withBean(WorkerCapabilities.class, () -> gpu)
        .run(app -> assertThat(app).getBean(WorkerCapabilities.class).isSameAs(gpu));
  }

  @Test
  void refusesToStartWithTwoHandlersForOneKind() {
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withBean("another", JobHandler.class, () -> handler("train"))
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("two handlers for job kind 'train'"));
  }

  @Test
  void refusesToStartWhenTheJobTimeoutIsNotLongerThanTheLease() {
    assertTimingsRefused(
        "s2l.queue.job-timeout (PT1M) must be longer",
        "s2l.queue.lease=60s",
        "s2l.queue.job-timeout=60s");
  }

  private void assertTimingsRefused(String message, String... properties) {
    context
        .withBean("trainer", JobHandler.class, () -> handler("train"))
        .withPropertyValues(properties)
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidQueueTimingsException.class)
                    .hasMessageStartingWith(message));
  }

  @Test
  void bindsTheConcurrencyAndTheTimeoutsOfKinds() {
    context
        .withBean("analyzer", JobHandler.class, () -> handler("analyze"))
        .withPropertyValues("s2l.queue.concurrency=3", "s2l.queue.job-timeouts.attribute=30m")
        .run(
            app -> {
              assertThat(app.getBean(QueueWorker.class).concurrency()).isEqualTo(3);
              assertThat(app.getBean(QueueProperties.class).jobTimeouts())
                  .containsEntry("attribute", java.time.Duration.ofMinutes(30));
            });
  }

  @Test
  void refusesToStartWhenAKindsTimeoutIsNotLongerThanTheLease() {
    assertTimingsRefused(
        "s2l.queue.job-timeouts.attribute (PT30S) must be longer",
        "s2l.queue.lease=60s",
        "s2l.queue.job-timeouts.attribute=30s");
  }

  @Test
  void refusesToStartWithANegativeConcurrency() {
    context
        .withBean("analyzer", JobHandler.class, () -> handler("analyze"))
        .withPropertyValues("s2l.queue.concurrency=-1")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("s2l.queue.concurrency must be 0"));
  }

  @Test
  void runsAsManyJobsAsTheConnectionPoolServes() {
    pooled(8)
        .withPropertyValues("s2l.queue.concurrency=3")
        .run(app -> assertThat(app.getBean(QueueWorker.class).concurrency()).isEqualTo(3));
  }

  @Test
  void refusesToStartWithAConcurrencyThePoolCannotServe() {
    pooled(8)
        .withPropertyValues("s2l.queue.concurrency=4")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith(
                        "s2l.queue.concurrency (4) needs 9 database connections")
                    .hasMessageContaining("spring.datasource.hikari.maximum-pool-size (8)"));
  }

  /** An analyzing service on a Hikari pool of {@code size} connections, never opened. */
  private static ApplicationContextRunner pooled(int size) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QueueAutoConfiguration.class))
        .withUserConfiguration(HikariDatabase.class)
        .withBean("analyzer", JobHandler.class, () -> handler("analyze"))
        .withPropertyValues("s2l.queue.idle-poll=10ms", "pool.size=" + size);
  }

  private static JobHandler handler(String kind) {
    return new JobHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void handle(ClaimedJob job, JobContext context) {}
    };
  }

  /** A Hikari pool that is never opened: the queue is a stand-in whose claims find nothing. */
  @Configuration(proxyBeanMethods = false)
  static class HikariDatabase {

    @Bean
    HikariDataSource dataSource(@Value("${pool.size}") int size) {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
      pool.setMaximumPoolSize(size);
      return pool;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JobQueue jobQueue() {
      return mock(JobQueue.class);
    }
  }

  /** A database no test reaches: the queue is a stand-in whose claims find nothing. */
  @Configuration(proxyBeanMethods = false)
  static class Database {
    private final DataSource dataSource = mock(DataSource.class);

    @Bean
    DataSource dataSource() {
      return dataSource;
    }

    @Bean
    PlatformTransactionManager transactionManager() {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JobQueue jobQueue() {
      return mock(JobQueue.class);
    }
  }
}
