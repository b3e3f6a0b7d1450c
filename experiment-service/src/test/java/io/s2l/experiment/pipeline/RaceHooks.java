package io.s2l.experiment.pipeline;

import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the races against a cancellation share: the {@link RacePause}, a pause point in the clock a
 * cancel reads once it holds the study, and the checks of how a round ended.
 */
@TestConfiguration
class RaceHooks {

  /**
   * A fresh database and the test keys; no scheduled reconciliation (its first run, at start, finds
   * no study): the races reconcile by hand, or not at all.
   */
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
    registry.add("s2l.experiment.progress-interval", () -> "1h");
  }

  @Bean
  RacePause racePause(DataSource dataSource) {
    return new RacePause(new JdbcTemplate(dataSource));
  }

  @Bean
  @Primary
  Clock pausingClock(RacePause pause) {
    return new MutableClock(Instant.parse("2026-01-05T09:00:00Z")) {
      @Override
      public Instant instant() {
        pause.here();
        return super.instant();
      }
    };
  }

  /** A thread of its own for one side of a race, named for {@link RacePause#arm}. */
  static ExecutorService side(String name) {
    return Executors.newSingleThreadExecutor(r -> new Thread(r, name));
  }

  /** Completes {@code future} as a side of a race ended: with its value, or its failure. */
  static <T> void complete(CompletableFuture<T> future, T value, Throwable failure) {
    if (failure == null) {
      future.complete(value);
    } else {
      future.completeExceptionally(failure);
    }
  }

  /** The study's jobs queued or running, as {@code kind key state}. */
  static List<String> jobsLeftToRun(DataSource dataSource, UUID study) {
    return new JdbcTemplate(dataSource)
        .queryForList(
            "SELECT kind || ' ' || job_key || ' ' || state FROM queue.job"
                + " WHERE study_id = ? AND state IN ('queued', 'running')",
            String.class,
            study);
  }
}
