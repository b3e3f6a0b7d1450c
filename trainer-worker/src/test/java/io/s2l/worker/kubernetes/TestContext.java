package io.s2l.worker.kubernetes;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.LeaseLostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The queue's side of a running job in the tests: records progress, loses the lease on demand. */
final class TestContext implements JobContext {

  private final ClaimedJob job;
  final List<Double> progress = new CopyOnWriteArrayList<>();
  volatile int leaseChecks;
  private volatile boolean lost;

  TestContext(ClaimedJob job) {
    this.job = job;
  }

  void loseLease() {
    lost = true;
  }

  @Override
  public void progress(double fraction) {
    progress.add(fraction);
  }

  @Override
  public void checkLease() {
    leaseChecks++;
    if (lost) {
      throw new LeaseLostException(job);
    }
  }
}
