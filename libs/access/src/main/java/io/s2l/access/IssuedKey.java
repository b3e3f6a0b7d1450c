package io.s2l.access;

/** A newly created key and its secret, which is shown this once and never stored. */
public record IssuedKey(ApiKey key, String secret) {

  @Override
  public String toString() {
    return "IssuedKey[" + key + ", secret=" + key.prefix() + "...]";
  }
}
