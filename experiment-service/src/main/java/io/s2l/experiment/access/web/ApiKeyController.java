package io.s2l.experiment.access.web;

import io.s2l.access.ApiKey;
import io.s2l.access.ApiKeys;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.IssuedKey;
import io.s2l.access.NewApiKey;
import io.s2l.access.Role;
import io.s2l.access.web.BadInputException;
import io.s2l.access.web.Callers;
import io.s2l.access.web.PageView;
import io.s2l.api.callback.CallbackSecret;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "keys", description = "API keys: roles read, submit, admin; per-key quotas (admin)")
class ApiKeyController {

  private final ApiKeys keys;
  private final CallbackSecrets callbackSecrets;

  ApiKeyController(ApiKeys keys, CallbackSecrets callbackSecrets) {
    this.keys = keys;
    this.callbackSecrets = callbackSecrets;
  }

  record KeyRequest(
      String owner,
      String name,
      Role role,
      Integer maxActiveStudies,
      Integer maxJobsPerDay,
      Double maxFlopsPerDay,
      Long maxStorageBytes) {}

  /** A created key: the secret appears in this response only. */
  record CreatedKey(ApiKey key, String secret) {}

  @PostMapping
  @Operation(
      summary = "Create a key",
      description =
          "Body: {owner, name, role: READ | SUBMIT | ADMIN, maxActiveStudies?, maxJobsPerDay?,"
              + " maxFlopsPerDay?, maxStorageBytes?} (maxFlopsPerDay: estimated FLOPs of the"
              + " jobs queued in any 24 hours, up to 1e30; maxStorageBytes: bytes the key may hold,"
              + " its datasets, its imported tables and the estimated artifacts of its studies)."
              + " Keys of one owner see the same studies. 201 with the secret, shown only here:"
              + " only its SHA-256 is stored.")
  @ApiResponse(responseCode = "201", description = "Created: the key and its secret")
  ResponseEntity<CreatedKey> create(@RequestBody KeyRequest request) {
    if (request == null) {
      throw new BadInputException("$: a key request is required");
    }
    IssuedKey issued =
        keys.create(
            new NewApiKey(
                request.owner(),
                request.name(),
                request.role(),
                request.maxActiveStudies(),
                request.maxJobsPerDay(),
                request.maxFlopsPerDay(),
                request.maxStorageBytes()));
    return ResponseEntity.created(URI.create("/api/v1/keys/" + issued.key().id()))
        .body(new CreatedKey(issued.key(), issued.secret()));
  }

  @GetMapping
  @Operation(summary = "Keys, oldest first, a page at a time (without secrets)")
  PageView<ApiKey> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    PageView.check(page, size);
    return new PageView<>(keys.list(size, PageView.offset(page, size)), page, size, keys.count());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a key: its next request is refused with 401. 204; 404 if unknown.")
  @ApiResponse(responseCode = "204", description = "Revoked")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    return keys.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  @PostMapping("/{id}/callback-secret")
  @Operation(
      summary = "Issue a key's callback secret",
      description =
          "The secret that signs the callbacks of the studies this key submits (S2L-Signature)."
              + " An admin may issue it for any key, a SUBMIT key for itself only (403 otherwise)."
              + " It is shown only here; issuing a new one replaces the old at once. 404 for an"
              + " unknown or revoked key.")
  @ApiResponse(responseCode = "201", description = "Issued: the key id and the secret")
  ResponseEntity<CallbackSecret> issueCallbackSecret(@PathVariable long id) {
    ApiKey caller = Callers.current();
    if (!caller.isAdmin() && caller.id() != id) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "a key may issue only its own callback secret, unless it is ADMIN");
    }
    String secret =
        callbackSecrets
            .issue(id)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no live key " + id));
    return ResponseEntity.status(HttpStatus.CREATED).body(new CallbackSecret(id, secret));
  }
}
