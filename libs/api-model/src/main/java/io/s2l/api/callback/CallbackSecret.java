package io.s2l.api.callback;

/**
 * A key's callback secret, shown only when it is issued ({@code POST
 * /api/v1/keys/{id}/callback-secret}): receivers verify the callbacks of the key's studies with it
 * (HMAC-SHA256 of the timestamp and the body, as docs/api.md describes). Issuing a new one replaces
 * the old at once.
 */
public record CallbackSecret(long keyId, String secret) {}
