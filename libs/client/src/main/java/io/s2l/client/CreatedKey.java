package io.s2l.client;

/**
 * A created key.
 *
 * @param secret what requests send as {@code Authorization: Bearer <secret>}; shown only here
 */
public record CreatedKey(ApiKeyView key, String secret) {}
