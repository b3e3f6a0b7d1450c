package io.s2l.queue;

/**
 * What a running job sees of the queue: where to report progress and whether it still holds the
 * lease.
 */
public interface JobContext {

  /** Records progress in [0, 1]; it reaches the database with the next heartbeat. */
  void progress(double fraction);

  /**
   * Throws {@link LeaseLostException} when a heartbeat found the lease lost, {@link
   * JobTimedOutException} when the attempt has run longer than its job timeout ({@link
   * QueueTimings}), {@link WorkerStoppingException} when the worker is shutting down.
   */
  void checkLease();
}
