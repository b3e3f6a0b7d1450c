package io.s2l.analysis.correlation.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import io.s2l.access.Role;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.correlation.AnalysisReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** By default (no s2l.analysis.cors.allowed-origins) no browser origin is allowed. */
@WebMvcTest(PlotController.class)
class NoCrossOriginWebTest extends SecuredWebSlice {

  @MockitoBean AnalysisReader reader;

  @Test
  void noOriginGetsTheAllowHeader() throws Exception {
    given(reader.result(any(), any())).will(document(ScaleCorrelationDocument.JSON));
    mvc.perform(
            get("/api/v1/studies/00000000-0000-0000-0000-0000000000c0/plots/r2-vs-compute.svg")
                .header("Origin", "http://localhost:8080")
                .with(as(Role.READ)))
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }
}
