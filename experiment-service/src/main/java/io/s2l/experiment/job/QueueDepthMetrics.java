package io.s2l.experiment.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.s2l.queue.JobLookup;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code s2l.queue.jobs}: how many jobs the queue holds, by {@code kind} and {@code
 * state} (queued, running, succeeded, failed, cancelled), read from PostgreSQL every few seconds.
 * Queued and running training jobs are what the worker autoscaler follows.
 */
@Component
class QueueDepthMetrics {

  private final JdbcTemplate jdbc;
  private final MultiGauge depth;

  QueueDepthMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.depth =
        MultiGauge.builder("s2l.queue.jobs")
            .description("Jobs in the queue by kind and state")
            .register(registry);
  }

  @Scheduled(fixedDelayString = "${s2l.experiment.metrics-interval:5s}")
  void refresh() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    List<JobLookup.Depth> jobs = jdbc.execute((Connection c) -> JobLookup.depth(c));
    for (JobLookup.Depth d : jobs) {
      rows.add(
          MultiGauge.Row.of(Tags.of("kind", d.kind(), "state", d.state().column()), d.count()));
    }
    depth.register(rows, true);
  }
}
