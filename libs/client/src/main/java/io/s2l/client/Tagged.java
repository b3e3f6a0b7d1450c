package io.s2l.client;

/**
 * A document with the ETag it was served with.
 *
 * @param etag the version, as {@code If-Match} takes it; null when the answer had none
 */
public record Tagged<T>(T value, String etag) {}
