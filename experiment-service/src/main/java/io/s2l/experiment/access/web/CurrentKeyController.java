package io.s2l.experiment.access.web;

import io.s2l.access.ApiKey;
import io.s2l.access.web.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key behind a request, so that a client (the dashboard) can offer only what its role allows.
 * Any key may read itself; listing other keys stays with admins.
 */
@RestController
@Tag(name = "keys")
class CurrentKeyController {

  @GetMapping("/api/v1/keys/me")
  @Operation(
      summary = "The calling key",
      description = "Its id, owner, name, role and quotas, without the secret. Any role.")
  ApiKey currentKey() {
    return Callers.current();
  }
}
