package io.s2l.experiment.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
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
    jdbc.query(
        "SELECT kind, state, count(*) FROM queue.job GROUP BY kind, state",
        rs -> {
          rows.add(
              MultiGauge.Row.of(
                  Tags.of("kind", rs.getString(1), "state", rs.getString(2)), rs.getLong(3)));
        });
    depth.register(rows, true);
  }
}
