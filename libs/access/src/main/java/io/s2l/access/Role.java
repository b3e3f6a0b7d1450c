package io.s2l.access;

/**
 * What a key may do. Each role includes the ones before it: {@code READ} reads its owner's studies
 * and results; {@code SUBMIT} also submits, cancels, uploads and imports; {@code ADMIN} also sees
 * every owner's studies, manages keys and reads the dead-letter queue.
 */
public enum Role {
  READ,
  SUBMIT,
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }
}
