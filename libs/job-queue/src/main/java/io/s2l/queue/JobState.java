package io.s2l.queue;

/**
 * Where a job is in its life.
 *
 * <ul>
 *   <li>{@code QUEUED}: waiting; claimable once {@code run_after} has passed.
 *   <li>{@code RUNNING}: claimed by a worker that holds a lease and renews it by heartbeat. When
 *       the lease runs out the job goes back to QUEUED (or FAILED after its last attempt).
 *   <li>{@code SUCCEEDED}: terminal; completed by the attempt that held the lease.
 *   <li>{@code FAILED}: terminal; every attempt failed; {@code last_error} says why.
 *   <li>{@code CANCELLED}: terminal; its study was cancelled. A running job loses its lease at
 *       once: its worker stops at the next heartbeat and its completion is refused.
 * </ul>
 */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static JobState ofColumn(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
