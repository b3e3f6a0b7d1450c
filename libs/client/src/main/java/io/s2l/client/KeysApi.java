package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.callback.CallbackSecret;
import java.util.stream.Stream;

/** API keys (admin keys only, except a key's own callback secret). */
public final class KeysApi {

  private final Transport http;
  private final String base;

  KeysApi(Transport http, String experimentUrl) {
    this.http = http;
    this.base = experimentUrl + "/api/v1/keys";
  }

  /** Creates a key; its secret is in this answer only. */
  public CreatedKey create(KeyRequest request) {
    return http.post(base, request, CreatedKey.class, 201);
  }

  public Page<ApiKeyView> page(int page, int size) {
    return http.page(base + Transport.query("page", page, "size", size), ApiKeyView.class);
  }

  public Stream<ApiKeyView> list() {
    return Pages.all(p -> page(p, Pages.SIZE));
  }

  /**
   * Issues the secret that signs the callbacks of the key's studies, replacing any earlier one: an
   * admin may for any key, a SUBMIT key for itself.
   */
  public CallbackSecret issueCallbackSecret(long id) {
    return http.post(base + "/" + id + "/callback-secret", "", CallbackSecret.class, 201);
  }

  /** Revokes a key: requests with it are refused from now on. */
  public void revoke(long id) {
    http.send(http.request(base + "/" + id).timeout(Transport.CALL_TIMEOUT).DELETE().build(), 204);
  }
}
