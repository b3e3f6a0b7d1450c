package io.s2l.access;

/** A submission that would take a key past one of its quotas (429). */
public class QuotaExceededException extends RuntimeException {

  private final String quota;
  private final long limit;

  public QuotaExceededException(String quota, long limit, String detail) {
    super(detail);
    this.quota = quota;
    this.limit = limit;
  }

  /** The quota's name: {@code maxActiveStudies} or {@code maxJobsPerDay}. */
  public String quota() {
    return quota;
  }

  public long limit() {
    return limit;
  }
}
