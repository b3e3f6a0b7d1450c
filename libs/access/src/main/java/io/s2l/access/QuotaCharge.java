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
 */
public record QuotaCharge(String reason, int jobs, double flops, boolean createsStudy) {

  public QuotaCharge {
    if (jobs < 0 || !(flops >= 0) || Double.isInfinite(flops)) {
      throw new IllegalArgumentException("a charge is non-negative and finite");
    }
  }
}
