package io.s2l.analysis.correlation.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.access.web.PageView;
import io.s2l.analysis.config.SecuredWebSlice;
import io.s2l.analysis.correlation.AnalysisNotFoundException;
import io.s2l.analysis.correlation.AnalysisReader;
import io.s2l.analysis.correlation.AnalysisRequests;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.api.correlation.AnalysisVersion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(AnalysisController.class)
class AnalysisControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
  private static final String BASE = "/api/v1/studies/" + ID;

  @MockitoBean AnalysisReader reader;
  @MockitoBean AnalysisRequests requests;

  @Test
  void theLatestResultIsServed() throws Exception {
    given(reader.result(ID, null)).will(document(ScaleCorrelationDocument.JSON));

    mvc.perform(get(BASE + "/scale-correlation").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.referenceScale").value("big"))
        .andExpect(jsonPath("$.entries[0].proxyScale").value("tiny"))
        .andExpect(jsonPath("$.entries[0].r2").value(0.9981024982074009))
        .andExpect(jsonPath("$.entries[0].ci95.r2[0]").value(0.9929728264354062));
  }

  @Test
  void anAskedVersionIsPassedOnAndAMissingOneIsAProblem() throws Exception {
    given(reader.result(ID, 7)).willThrow(new AnalysisNotFoundException(ID, 7));

    mvc.perform(get(BASE + "/scale-correlation").with(as(Role.READ)).param("version", "7"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("No analysis"))
        .andExpect(jsonPath("$.detail", containsString("version 7")));
    mvc.perform(get(BASE + "/scale-correlation").with(as(Role.READ)).param("version", "latest"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void versionsArePagedWithinLimits() throws Exception {
    AnalysisVersion v2 =
        new AnalysisVersion(2, Instant.parse("2026-01-01T00:00:00Z"), "r2", 0.8, "s");
    given(reader.versions(ID, 0, 20)).willReturn(new PageView<>(List.of(v2), 0, 20, 2));

    mvc.perform(get(BASE + "/analyses").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].version").value(2))
        .andExpect(jsonPath("$.items[0].recommendedScale").value("s"))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.total").value(2));
    mvc.perform(get(BASE + "/analyses").with(as(Role.READ)).param("size", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("size")));
  }

  @Test
  void aRerunIsQueuedWith202() throws Exception {
    given(
            requests.rerun(
                ID, new RecommendationChoice("decisionAccuracy", 0.9, 8), apiKey(Role.SUBMIT)))
        .willReturn("analysis/3");

    mvc.perform(
            post(BASE + "/analyses")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content(
                    "{\"metric\": \"decisionAccuracy\", \"threshold\": 0.9,"
                        + " \"minDistributions\": 8}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", BASE + "/analyses"))
        .andExpect(jsonPath("$.job").value("analysis/3"))
        .andExpect(jsonPath("$.status").value("QUEUED"));
  }

  @Test
  void aRerunWithoutABodyKeepsTheDefaults() throws Exception {
    given(requests.rerun(ID, RecommendationChoice.DEFAULTS, apiKey(Role.SUBMIT)))
        .willReturn("analysis/4");

    mvc.perform(post(BASE + "/analyses").with(as(Role.SUBMIT)))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.job").value("analysis/4"));
    verify(requests).rerun(ID, RecommendationChoice.DEFAULTS, apiKey(Role.SUBMIT));
  }

  @Test
  void aWronglyTypedRerunIsAProblemAndReadersMayNotRerun() throws Exception {
    mvc.perform(
            post(BASE + "/analyses")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content("{\"threshold\": \"high\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post(BASE + "/analyses").with(as(Role.READ)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verify(requests, org.mockito.Mockito.never()).rerun(any(), any(), any());
  }

  @Test
  void aRerunOutOfBoundsIsAProblemNamingTheFieldAndItsLimit() throws Exception {
    mvc.perform(
            post(BASE + "/analyses")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content("{\"minDistributions\": 2}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("minDistributions must be from 3 to 1000")));
    mvc.perform(
            post(BASE + "/analyses")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content("{\"threshold\": 1.5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("threshold must be > 0 and <= 1")));
    verify(requests, org.mockito.Mockito.never()).rerun(any(), any(), any());
  }

  @Test
  void resultsNeedAKnownKey() throws Exception {
    mvc.perform(get(BASE + "/scale-correlation").with(unknownKey()))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(reader);
  }
}
