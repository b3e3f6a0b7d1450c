package io.s2l.worker.trainers;

import io.s2l.queue.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A job's view of the queue for tests: records progress, and from the moment a given file exists (a
 * fake trainer writes it once it is up) throws what a lost lease, a cancelled study, a time-out or
 * a stopping worker throw.
 */
final class RecordingContext implements JobContext {

  final List<Double> progress = new CopyOnWriteArrayList<>();
  private final Path trigger;
  private final RuntimeException failure;
  volatile int checks;

  RecordingContext() {
    this(null, null);
  }

  RecordingContext(Path trigger, RuntimeException failure) {
    this.trigger = trigger;
    this.failure = failure;
  }

  @Override
  public void progress(double fraction) {
    progress.add(fraction);
  }

  @Override
  public void checkLease() {
    checks++;
    if (trigger != null && Files.exists(trigger)) {
      throw failure;
    }
  }
}
