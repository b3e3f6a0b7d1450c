package io.s2l.experiment.study.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.ApiKey;
import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyDocuments;
import io.s2l.experiment.study.StudyNotFoundException;
import io.s2l.experiment.study.StudyService;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;

/** The progress stream; the study view it sends is made by {@link StudyController}. */
@WebMvcTest({StudyEvents.class, StudyController.class})
@Import({StudyDocuments.class, StudyWatches.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(
    io.s2l.experiment.config.StreamProperties.class)
class StudyEventsWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final String PATH = "/api/v1/studies/" + ID + "/events";

  @MockitoBean StudyService service;

  @BeforeEach
  void aFinishedStudy() {
    Study study = StudyControllerWebTest.study(5);
    given(study.status()).willReturn(StudyStatus.COMPLETED);
    given(service.get(ID)).willReturn(study);
    given(service.featuresTotal(any())).willReturn(Optional.empty());
    given(service.trainingProgress(ID)).willReturn(new JobCounts(0, 0, 4, 0, 0));
  }

  @Test
  void aFinishedStudySendsOneProgressEventAndEnds() throws Exception {
    given(keys.find(apiKey(Role.READ).id())).willReturn(Optional.of(apiKey(Role.READ)));

    MvcResult started =
        mvc.perform(get(PATH).with(as(Role.READ)).accept(MediaType.TEXT_EVENT_STREAM))
            .andExpect(request().asyncStarted())
            .andReturn();
    started.getAsyncResult(10_000);

    String stream =
        mvc.perform(asyncDispatch(started))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(stream).startsWith("event:progress\n").contains("\"status\":\"COMPLETED\"");
    assertThat(stream.split("event:progress", -1)).hasSize(2);
  }

  @Test
  void theStreamEndsWithoutEventsWhenItsKeyIsRevoked() throws Exception {
    ApiKey revoked =
        new ApiKey(
            1,
            "team",
            "read",
            Role.READ,
            "s2l_read",
            null,
            null,
            null,
            null,
            Instant.EPOCH,
            Instant.EPOCH);
    given(keys.find(1)).willReturn(Optional.of(revoked));

    MvcResult started =
        mvc.perform(get(PATH).with(as(Role.READ))).andExpect(request().asyncStarted()).andReturn();
    started.getAsyncResult(10_000);

    mvc.perform(asyncDispatch(started))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("event:"))));
  }

  @Test
  void anUnknownStudyIs404BeforeTheStreamOpens() throws Exception {
    given(service.get(ID)).willThrow(new StudyNotFoundException(ID));

    mvc.perform(get(PATH).with(as(Role.READ)))
        .andExpect(request().asyncNotStarted())
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Study not found"));
  }

  @Test
  void theStreamNeedsAKey() throws Exception {
    mvc.perform(get(PATH))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
