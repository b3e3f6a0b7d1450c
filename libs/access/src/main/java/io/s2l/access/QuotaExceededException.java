package io.s2l.access;

/**
 * A request that would take a key past one of its quotas (429). It names the quota (the key's
 * field), its limit and, for the daily quotas, what the request asks and what the key used in the
 * daily window (the last 24 whole hours and the hour under way).
 */
public class QuotaExceededException extends RuntimeException {

  private final String quota;
  private final Number limit;
  private final Number requested;
  private final Number used;

  public QuotaExceededException(String quota, long limit, String detail) {
    this(quota, limit, null, null, detail);
  }

  public QuotaExceededException(
      String quota, Number limit, Number requested, Number used, String detail) {
    super(detail);
    this.quota = quota;
    this.limit = limit;
    this.requested = requested;
    this.used = used;
  }

  /**
   * The quota's name: {@code maxActiveStudies}, {@code maxJobsPerDay}, {@code maxFlopsPerDay} or
   * {@code maxStorageBytes}.
   */
  public String quota() {
    return quota;
  }

  public Number limit() {
    return limit;
  }

  /** What the request asks of the quota (jobs, FLOPs or bytes); null for other quotas. */
  public Number requested() {
    return requested;
  }

  /**
   * What the key used of the quota in the daily window, or the bytes it holds; null for other
   * quotas.
   */
  public Number used() {
    return used;
  }
}
