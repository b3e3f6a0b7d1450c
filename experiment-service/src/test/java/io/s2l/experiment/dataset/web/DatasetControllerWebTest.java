package io.s2l.experiment.dataset.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.api.dataset.DatasetView;
import io.s2l.corpus.upload.DatasetKind;
import io.s2l.corpus.upload.LineError;
import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.experiment.dataset.DatasetRejectedException;
import io.s2l.experiment.dataset.DatasetTooLargeException;
import io.s2l.experiment.dataset.Datasets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(DatasetController.class)
class DatasetControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000d0");
  private static final DatasetView VIEW =
      new DatasetView(
          ID,
          "qa",
          "evalset",
          "answer",
          2,
          80,
          "ab12",
          null,
          "datasets/" + ID + ".jsonl",
          Instant.parse("2026-01-01T00:00:00Z"));
  private static final String LINES =
      "{\"id\": \"1\", \"prompt\": \"2+2=\", \"answer\": \"4\"}\n"
          + "{\"id\": \"2\", \"prompt\": \"3+3=\", \"answer\": \"6\"}\n";

  @MockitoBean Datasets datasets;

  @Test
  void anUploadAnswers201WithItsLocation() throws Exception {
    given(
            datasets.upload(
                any(), anyLong(), eq(DatasetKind.EVALSET), eq("qa"), eq(apiKey(Role.SUBMIT))))
        .willReturn(VIEW);

    mvc.perform(
            post("/api/v1/datasets")
                .with(as(Role.SUBMIT))
                .param("kind", "evalset")
                .param("name", "qa")
                .contentType("application/x-ndjson")
                .content(LINES))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/datasets/" + ID))
        .andExpect(jsonPath("$.id").value(ID.toString()))
        .andExpect(jsonPath("$.evalKind").value("answer"))
        .andExpect(jsonPath("$.records").value(2));
  }

  @Test
  void anUnknownOrMissingKindIsAProblem() throws Exception {
    mvc.perform(
            post("/api/v1/datasets").with(as(Role.SUBMIT)).param("kind", "images").content(LINES))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("kind")));
    mvc.perform(post("/api/v1/datasets").with(as(Role.SUBMIT)).content(LINES))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("kind")));
    verifyNoInteractions(datasets);
  }

  @Test
  void aRefusedUploadIsAProblemNamingEachBadLine() throws Exception {
    given(datasets.upload(any(), anyLong(), any(), any(), any()))
        .willThrow(new DatasetRejectedException(List.of(new LineError(2, "answer: required")), 1));

    mvc.perform(
            post("/api/v1/datasets").with(as(Role.SUBMIT)).param("kind", "evalset").content(LINES))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Dataset refused"))
        .andExpect(jsonPath("$.errors[0].line").value(2))
        .andExpect(jsonPath("$.errors[0].reason").value("answer: required"))
        .andExpect(jsonPath("$.errorCount").value(1));
  }

  @Test
  void anUploadBeyondTheLimitIs413() throws Exception {
    given(datasets.upload(any(), anyLong(), any(), any(), any()))
        .willThrow(new DatasetTooLargeException(1024));

    mvc.perform(
            post("/api/v1/datasets").with(as(Role.SUBMIT)).param("kind", "corpus").content(LINES))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Dataset too large"));
  }

  @Test
  void readersMayNotUpload() throws Exception {
    mvc.perform(post("/api/v1/datasets").with(as(Role.READ)).param("kind", "corpus").content(LINES))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(datasets);
  }

  @Test
  void listPagesTheCallersUploads() throws Exception {
    given(datasets.list(20, 0, apiKey(Role.READ))).willReturn(List.of(VIEW));
    given(datasets.count(apiKey(Role.READ))).willReturn(1L);

    mvc.perform(get("/api/v1/datasets").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].name").value("qa"))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(get("/api/v1/datasets").with(as(Role.READ)).param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("size")));
  }

  @Test
  void oneDatasetOr404() throws Exception {
    given(datasets.find(ID, apiKey(Role.READ))).willReturn(Optional.of(VIEW));
    UUID other = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    given(datasets.find(other, apiKey(Role.READ))).willReturn(Optional.empty());

    mvc.perform(get("/api/v1/datasets/" + ID).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sha256").value("ab12"));
    mvc.perform(get("/api/v1/datasets/" + other).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("no dataset " + other));
  }
}
