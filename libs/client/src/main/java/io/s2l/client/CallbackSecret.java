package io.s2l.client;

/**
 * A key's callback secret, shown only when it is issued: receivers verify the callbacks of the
 * key's studies with it ({@link io.s2l.client.callback.CallbackSignature}).
 */
public record CallbackSecret(long keyId, String secret) {}
