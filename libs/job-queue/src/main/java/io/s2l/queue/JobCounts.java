package io.s2l.queue;

/**
 * How the jobs of one study and kind stand.
 *
 * @param runningProgress sum of the progress fractions of running jobs
 */
public record JobCounts(
    int queued, int running, int succeeded, int failed, double runningProgress) {

  public int total() {
    return queued + running + succeeded + failed;
  }

  /** Succeeded jobs plus the finished fraction of running ones, over all jobs; 0 when none. */
  public double fractionDone() {
    int total = total();
    return total == 0 ? 0 : (succeeded + runningProgress) / total;
  }
}
