package io.s2l.analysis.attribution.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.analysis.attribution.AttributionDataSource;
import io.s2l.analysis.attribution.AttributionStore;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.GroundTruthSize;
import io.s2l.api.attribution.ScaleLds;
import io.s2l.attribution.Scores;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(AttributionController.class)
class AttributionControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
  private static final String BASE = "/api/v1/studies/" + ID + "/attribution";
  private static final MediaType SVG = MediaType.valueOf("image/svg+xml");
  private static final AttributionResult WITH_LDS =
      new AttributionResult(
          ID,
          "digits",
          "m",
          0,
          2,
          List.of(0, 7),
          null,
          new GroundTruthSize(4, 0),
          List.of(
              new ScaleLds(
                  "s",
                  0.31,
                  List.of(0.2, 0.4),
                  null,
                  8.0,
                  0,
                  null,
                  0,
                  0,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              new ScaleLds(
                  "m",
                  0.45,
                  List.of(0.35, 0.55),
                  null,
                  1.0,
                  0,
                  null,
                  0,
                  0,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null)),
          null,
          null,
          null,
          null,
          null,
          null,
          null);
  private static final AttributionResult WITHOUT_LDS =
      new AttributionResult(
          ID, "digits", "m", 0, 0, null, null, null, null, null, null, null, null, null, null,
          null);

  @MockitoBean AttributionStore store;
  @MockitoBean AttributionDataSource data;

  @Test
  void theLatestAttributionCarriesItsVersionAndLdsPlot() throws Exception {
    given(store.latest(ID)).willReturn(Optional.of(new AttributionStore.Stored(3, WITH_LDS)));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(3))
        .andExpect(jsonPath("$.lds[0].lds").value(0.31))
        .andExpect(jsonPath("$.ldsPlot").value(BASE + "/lds.svg"));
    mvc.perform(get(BASE + "/lds.svg").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(SVG))
        .andExpect(content().string(startsWith("<svg")));
  }

  @Test
  void withoutGroundTruthThereIsNoLds() throws Exception {
    given(store.latest(ID)).willReturn(Optional.of(new AttributionStore.Stored(1, WITHOUT_LDS)));

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ldsPlot").doesNotExist());
    mvc.perform(get(BASE + "/lds.svg").with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("no ground truth")));
  }

  @Test
  void noAnalysisYetIsAProblem404() throws Exception {
    given(store.latest(ID)).willReturn(Optional.empty());

    mvc.perform(get(BASE).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("no attribution analysis")));
  }

  @Test
  void aTargetShowsItsMostHelpfulAndHarmfulExamples() throws Exception {
    given(store.latest(ID)).willReturn(Optional.of(new AttributionStore.Stored(3, WITH_LDS)));
    // two targets over a pool of the first three training images
    Scores scores = new Scores(2, 3, new float[] {0.1f, -0.2f, 0.3f, 0.5f, -0.4f, 0.0f});
    given(store.scores(ID, 3, "m")).willReturn(Optional.of(scores));

    mvc.perform(get(BASE + "/targets/1").with(as(Role.READ)).param("count", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scale").value("m"))
        .andExpect(jsonPath("$.version").value(3))
        // score row 1 is test example 7
        .andExpect(jsonPath("$.target.index").value(7))
        .andExpect(jsonPath("$.target.image").value("/api/v1/images/digits/test/7.svg"))
        .andExpect(jsonPath("$.helpful.length()").value(1))
        .andExpect(jsonPath("$.helpful[0].index").value(0))
        .andExpect(jsonPath("$.harmful[0].index").value(1))
        .andExpect(jsonPath("$.harmful[0].pixels.length()").value(64));
  }

  @Test
  void aTargetOutsideTheLimitsIsAProblemNamingTheParameter() throws Exception {
    given(store.latest(ID)).willReturn(Optional.of(new AttributionStore.Stored(3, WITH_LDS)));
    given(store.scores(ID, 3, "m")).willReturn(Optional.of(new Scores(2, 1, new float[2])));
    given(store.scores(ID, 3, "xl")).willReturn(Optional.empty());

    mvc.perform(get(BASE + "/targets/0").with(as(Role.READ)).param("count", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", startsWith("count:")));
    mvc.perform(get(BASE + "/targets/0").with(as(Role.READ)).param("count", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith("count:")));
    mvc.perform(get(BASE + "/targets/0").with(as(Role.READ)).param("scale", "xl"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith("scale:")));
    mvc.perform(get(BASE + "/targets/2").with(as(Role.READ)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith("target:")));
  }

  @Test
  void builtInImagesAreServedAsSvg() throws Exception {
    mvc.perform(get("/api/v1/images/digits/train/0.svg").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(SVG))
        .andExpect(content().string(startsWith("<svg")));
    mvc.perform(get("/api/v1/images/faces/train/0.svg").with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/images/digits/validation/0.svg").with(as(Role.READ)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith("split:")));
    mvc.perform(get("/api/v1/images/digits/test/-1.svg").with(as(Role.READ)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith("index:")));
  }

  @Test
  void attributionNeedsAKey() throws Exception {
    mvc.perform(get(BASE))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
