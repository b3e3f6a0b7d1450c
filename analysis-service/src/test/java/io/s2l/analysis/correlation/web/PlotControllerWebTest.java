package io.s2l.analysis.correlation.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.correlation.AnalysisNotFoundException;
import io.s2l.analysis.correlation.AnalysisReader;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(PlotController.class)
class PlotControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
  private static final String PLOTS = "/api/v1/studies/" + ID + "/plots/";
  private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

  @MockitoBean AnalysisReader reader;

  @BeforeEach
  void aStoredResult() {
    given(reader.result(any(), any())).will(document(ScaleCorrelationDocument.JSON));
  }

  @Test
  void everyPlotIsAnSvgOfTheStoredResult() throws Exception {
    for (String plot :
        new String[] {
          "r2-vs-compute.svg",
          "decision-accuracy-vs-compute.svg",
          "accuracy-vs-correlation.svg",
          "scatter.svg?proxy=tiny&evalSet=heldout/code",
          "per-example-r2.svg?proxy=tiny&evalSet=heldout/code"
        }) {
      mvc.perform(get(PLOTS + plot).with(as(Role.READ)))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith(SVG))
          .andExpect(content().string(startsWith("<svg")));
    }
  }

  @Test
  void theScatterNamesItsProxyAndSet() throws Exception {
    mvc.perform(
            get(PLOTS + "scatter.svg")
                .with(as(Role.READ))
                .param("proxy", "tiny")
                .param("evalSet", "heldout/code"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("tiny vs big on heldout/code")));
  }

  @Test
  void anUnknownEntryIsAProblem404() throws Exception {
    mvc.perform(
            get(PLOTS + "scatter.svg")
                .with(as(Role.READ))
                .param("proxy", "xl")
                .param("evalSet", "heldout/code"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("'xl'")));
  }

  @Test
  void aMissingParameterIsAProblem400() throws Exception {
    mvc.perform(get(PLOTS + "per-example-r2.svg").with(as(Role.READ)).param("proxy", "tiny"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("evalSet")));
  }

  @Test
  void noAnalysisIsAProblem404() throws Exception {
    given(reader.result(ID, 9)).willThrow(new AnalysisNotFoundException(ID, 9));

    mvc.perform(get(PLOTS + "r2-vs-compute.svg").with(as(Role.READ)).param("version", "9"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("No analysis"));
  }
}
