package io.s2l.experiment.study.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.experiment.study.FeatureRequests;
import io.s2l.experiment.study.InvalidStudyException;
import io.s2l.study.FieldError;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(FeatureController.class)
class FeatureControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000f0");
  private static final String PATH = "/api/v1/studies/" + ID + "/features";
  private static final String BODY =
      "{\"run\": \"s/uniform/1\", \"examples\": \"train\", \"dimension\": 64,"
          + " \"projectionSeed\": 5}";

  @MockitoBean FeatureRequests features;

  @Test
  void aRequestIsQueuedWith202() throws Exception {
    given(features.request(ID, "s/uniform/1", "train", 64, 5L, apiKey(Role.SUBMIT)))
        .willReturn("features/s/uniform/1/train");

    mvc.perform(post(PATH).with(as(Role.SUBMIT)).contentType("application/json").content(BODY))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.studyId").value(ID.toString()))
        .andExpect(jsonPath("$.job").value("features/s/uniform/1/train"))
        .andExpect(jsonPath("$.status").value("QUEUED"));
  }

  @Test
  void anInvalidRequestIsAProblemNamingTheField() throws Exception {
    given(features.request(eq(ID), any(), any(), any(), any(), any()))
        .willThrow(
            new InvalidStudyException(List.of(new FieldError("dimension", "must be positive"))));

    mvc.perform(post(PATH).with(as(Role.SUBMIT)).contentType("application/json").content(BODY))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("dimension"));
  }

  @Test
  void aRepeatedRequestIsAConflict() throws Exception {
    given(features.request(eq(ID), any(), any(), any(), any(), any()))
        .willThrow(new DuplicateKeyException("these features were already requested"));

    mvc.perform(post(PATH).with(as(Role.SUBMIT)).contentType("application/json").content(BODY))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("these features were already requested"));
  }

  @Test
  void aWrongTypeIsAProblemNamingTheField() throws Exception {
    mvc.perform(
            post(PATH)
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content("{\"run\": \"s/uniform/1\", \"dimension\": \"wide\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("dimension"));
    verifyNoInteractions(features);
  }

  @Test
  void readersMayNotQueueFeatures() throws Exception {
    mvc.perform(post(PATH).with(as(Role.READ)).contentType("application/json").content(BODY))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(features);
  }
}
