package io.s2l.access;

import java.util.UUID;

/**
 * A place held in a key's quotas for one request, committed before the request's transaction.
 *
 * @param id the reservation row; null for a key without quotas, which needs none
 * @param key the key charged
 * @param studyId the study the jobs belong to (a new one, or the one a request adds jobs to)
 * @param charge what is held
 */
public record QuotaReservation(Long id, ApiKey key, UUID studyId, QuotaCharge charge) {

  /** This place, charging {@code bytes} of storage in place of what it held. */
  public QuotaReservation storing(long bytes) {
    return new QuotaReservation(id, key, studyId, charge.storing(bytes));
  }
}
