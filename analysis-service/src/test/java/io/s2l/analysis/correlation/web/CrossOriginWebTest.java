package io.s2l.analysis.correlation.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.correlation.AnalysisReader;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The dashboard's origin, and only it, may call the API from its pages: a preflight from it is
 * allowed with the Authorization header, a preflight from elsewhere is refused, and the key is
 * still required on the call itself.
 */
@WebMvcTest(PlotController.class)
@TestPropertySource(properties = "s2l.analysis.cors.allowed-origins=http://localhost:8080")
class CrossOriginWebTest extends SecuredWebSlice {

  private static final String SCATTER =
      "/api/v1/studies/"
          + UUID.fromString("00000000-0000-0000-0000-0000000000c0")
          + "/plots/scatter.svg?proxy=tiny&evalSet=heldout/code";

  @MockitoBean AnalysisReader reader;

  @BeforeEach
  void aStoredResult() {
    given(reader.result(any(), any())).will(document(ScaleCorrelationDocument.JSON));
  }

  @Test
  void theConfiguredOriginPassesThePreflightWithoutAKey() throws Exception {
    mvc.perform(
            options(SCATTER)
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:8080"))
        .andExpect(header().string("Access-Control-Allow-Headers", "authorization"));
  }

  @Test
  void anotherOriginIsRefused() throws Exception {
    mvc.perform(
            options(SCATTER)
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }

  @Test
  void theCallItselfStillNeedsAKey() throws Exception {
    mvc.perform(get(SCATTER).header("Origin", "http://localhost:8080"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:8080"));
    mvc.perform(get(SCATTER).header("Origin", "http://localhost:8080").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:8080"));
  }

  @Test
  void aCallFromAnotherOriginIsRefusedEvenWithAKey() throws Exception {
    mvc.perform(get(SCATTER).header("Origin", "http://elsewhere.example").with(as(Role.READ)))
        .andExpect(status().isForbidden());
  }
}
