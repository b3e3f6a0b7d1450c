package io.s2l.experiment.job.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.queue.DeadLetter;
import io.s2l.queue.JobQueue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(DeadLetterController.class)
class DeadLetterControllerWebTest extends SecuredWebSlice {

  @MockitoBean JobQueue queue;

  @Test
  void listsAPageOfDeadLettersForAdmins() throws Exception {
    DeadLetter letter =
        new DeadLetter(
            7,
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "train",
            "s/uniform/1",
            3,
            "out of memory",
            Instant.parse("2026-01-01T00:00:00Z"));
    given(queue.deadLetters(5, 10)).willReturn(List.of(letter));
    given(queue.deadLetterCount()).willReturn(11L);

    mvc.perform(
            get("/api/v1/jobs/dead-letters")
                .with(as(Role.ADMIN))
                .param("page", "2")
                .param("size", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.total").value(11))
        .andExpect(jsonPath("$.items[0].kind").value("train"))
        .andExpect(jsonPath("$.items[0].lastError").value("out of memory"));
  }

  @Test
  void theDefaultPageIsTheFirstTwenty() throws Exception {
    given(queue.deadLetters(20, 0)).willReturn(List.of());

    mvc.perform(get("/api/v1/jobs/dead-letters").with(as(Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aPageBeyondTheLimitIsAProblem() throws Exception {
    mvc.perform(get("/api/v1/jobs/dead-letters").with(as(Role.ADMIN)).param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("size")));
    mvc.perform(get("/api/v1/jobs/dead-letters").with(as(Role.ADMIN)).param("size", "ten"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(queue);
  }

  @Test
  void onlyAdminsReadTheDeadLetters() throws Exception {
    mvc.perform(get("/api/v1/jobs/dead-letters").with(as(Role.SUBMIT)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/jobs/dead-letters"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(queue);
  }
}
