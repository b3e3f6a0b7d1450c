package io.s2l.access;

/**
 * What one request asks of its key's quotas.
 *
 * @param reason what the jobs are for ({@code study}, {@code features}, {@code rerun}, {@code
 *     import})
 * @param jobs jobs it queues now or will queue later (an attribution study's featurisation)
 * @param flops their estimated floating-point operations ({@code io.s2l.study.ComputeEstimate})
 * @param createsStudy whether it creates a study or an import, which counts as active until its
 *     jobs are done
 * @param storageBytes bytes it stores for good: a dataset's file, an imported table, or the
 *     estimated artifacts of a study ({@code io.s2l.study.StorageEstimate}), counted against {@code
 *     maxStorageBytes}
 */
public record QuotaCharge(
    String reason, int jobs, double flops, boolean createsStudy, long storageBytes) {

  /** A charge that stores nothing. */
  public QuotaCharge(String reason, int jobs, double flops, boolean createsStudy) {
    this(reason, jobs, flops, createsStudy, 0);
  }

  /** An upload of {@code bytes}: no jobs. */
  public static QuotaCharge upload(long bytes) {
    return new QuotaCharge("dataset", 0, 0, false, bytes);
  }

  /** This charge, storing {@code bytes} in place of its own. */
  public QuotaCharge storing(long bytes) {
    return new QuotaCharge(reason, jobs, flops, createsStudy, bytes);
  }

  public QuotaCharge {
    if (jobs < 0 || !(flops >= 0) || Double.isInfinite(flops) || storageBytes < 0) {
      throw new IllegalArgumentException("a charge is non-negative and finite");
    }
  }
}
