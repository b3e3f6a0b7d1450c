package io.s2l.launcher.cli;

import io.s2l.api.study.StudyView;
import io.s2l.client.S2lClient;
import io.s2l.client.StudyEventStream;
import io.s2l.launcher.demo.ProgressBar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Follows a study's progress events until it reaches a final status, showing each on a progress
 * bar. A stream the service ends early (after its timeout, or on a restart) is opened again; one
 * that ends without an event waits a second first, so a service that keeps refusing to stream is
 * not asked in a tight loop.
 */
final class StudyFollower {

  static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
  private static final Duration PAUSE = Duration.ofSeconds(1);

  private final S2lClient client;
  private final Clock clock;

  StudyFollower(S2lClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * @param started when the study was submitted, by this clock: the bar shows the time since
   * @return the study in its final status
   */
  StudyView follow(StudyView study, Instant started, ProgressBar bar) throws InterruptedException {
    bar.show(study, Duration.between(started, clock.instant()));
    while (!FINAL.contains(study.status())) {
      int events = 0;
      try (StudyEventStream stream = client.studies().events(study.id())) {
        while (!FINAL.contains(study.status()) && stream.hasNext()) {
          study = stream.next().study();
          events++;
          bar.show(study, Duration.between(started, clock.instant()));
        }
      }
      if (!FINAL.contains(study.status())) {
        study = client.study(study.id());
        if (events == 0) {
          Thread.sleep(PAUSE.toMillis());
        }
      }
    }
    bar.finish();
    return study;
  }
}
