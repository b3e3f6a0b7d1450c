package io.s2l.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Job events as Micrometer metrics: the timer {@code s2l.jobs} (count and duration of the jobs a
 * process ran), tagged with the job's {@code kind} and its {@code outcome} (succeeded, retried,
 * failed, lost, handed_back). Retries and failures are its counts with those outcomes.
 */
public final class MicrometerJobEvents implements JobEvents {

  private final MeterRegistry registry;

  public MicrometerJobEvents(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void finished(ClaimedJob job, String outcome, Duration took) {
    Timer.builder("s2l.jobs")
        .description("Jobs run by this process, by kind and outcome")
        .tag("kind", job.kind())
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }
}
