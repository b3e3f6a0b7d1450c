package io.s2l.experiment.access.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

/** Any key reads itself, though listing keys needs ADMIN; without a key it is 401. */
@WebMvcTest(CurrentKeyController.class)
class CurrentKeyControllerWebTest extends SecuredWebSlice {

  @Test
  void aReadKeyReadsItself() throws Exception {
    mvc.perform(get("/api/v1/keys/me").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("READ"))
        .andExpect(jsonPath("$.owner").value("team"))
        .andExpect(jsonPath("$.secret").doesNotExist());
  }

  @Test
  void listingKeysStillNeedsAdmin() throws Exception {
    mvc.perform(get("/api/v1/keys").with(as(Role.READ))).andExpect(status().isForbidden());
  }

  @Test
  void withoutAKeyItIs401() throws Exception {
    mvc.perform(get("/api/v1/keys/me")).andExpect(status().isUnauthorized());
  }
}
