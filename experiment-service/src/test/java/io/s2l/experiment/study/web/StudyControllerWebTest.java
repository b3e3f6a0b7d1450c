package io.s2l.experiment.study.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import io.s2l.experiment.study.InvalidStudyException;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyConflictException;
import io.s2l.experiment.study.StudyDocuments;
import io.s2l.experiment.study.StudyFilter;
import io.s2l.experiment.study.StudyNotFoundException;
import io.s2l.experiment.study.StudySearch;
import io.s2l.experiment.study.StudyService;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import io.s2l.study.FieldError;
import io.s2l.study.StudyKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(StudyController.class)
@Import(StudyDocuments.class)
class StudyControllerWebTest extends SecuredWebSlice {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final String BODY = "{\"name\": \"tiny\", \"scales\": [], \"seeds\": [1]}";

  @MockitoBean StudyService service;

  private final Study study = study(3);

  @BeforeEach
  void progress() {
    given(service.featuresTotal(any())).willReturn(Optional.empty());
    given(service.trainingProgress(ID)).willReturn(new JobCounts(1, 1, 2, 0, 0.5));
  }

  @Test
  void submitAnswers202WithLocationETagAndTheStudy() throws Exception {
    given(service.submit(any(), isNull(), eq(apiKey(Role.SUBMIT))))
        .willReturn(new StudyService.Submission(study, false));

    mvc.perform(
            post("/api/v1/studies")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content(BODY))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/studies/" + ID))
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(header().string("Idempotent-Replayed", "false"))
        .andExpect(jsonPath("$.id").value(ID.toString()))
        .andExpect(jsonPath("$.status").value("QUEUED"))
        .andExpect(jsonPath("$.progress.jobsTotal").value(4))
        .andExpect(jsonPath("$.progress.jobsDone").value(2))
        .andExpect(jsonPath("$.progress.fraction").value(0.625))
        .andExpect(jsonPath("$.plan.seeds[0]").value(1));
  }

  @Test
  void aRepeatedIdempotencyKeyIsPassedOnAndTheReplayShown() throws Exception {
    given(service.submit(any(), eq("k-1"), any()))
        .willReturn(new StudyService.Submission(study, true));

    mvc.perform(
            post("/api/v1/studies")
                .with(as(Role.SUBMIT))
                .header("Idempotency-Key", "k-1")
                .contentType("application/json")
                .content(BODY))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Idempotent-Replayed", "true"));
  }

  @Test
  void anInvalidStudyIsAProblemNamingEveryField() throws Exception {
    given(service.submit(any(), any(), any()))
        .willThrow(
            new InvalidStudyException(
                List.of(
                    new FieldError("scales", "at least two scales are required"),
                    new FieldError("seeds[0]", "must be >= 0"))));

    mvc.perform(
            post("/api/v1/studies")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content(BODY))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("Invalid study definition"))
        .andExpect(jsonPath("$.errors[0].field").value("scales"))
        .andExpect(jsonPath("$.errors[1].field").value("seeds[0]"))
        .andExpect(jsonPath("$.errors[1].reason").value("must be >= 0"));
  }

  @Test
  void unreadableJsonNamesTheFieldWhereReadingStopped() throws Exception {
    mvc.perform(
            post("/api/v1/studies")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content("{\"seeds\": [\"one\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("seeds[0]"));
    mvc.perform(
            post("/api/v1/studies")
                .with(as(Role.SUBMIT))
                .contentType("application/json")
                .content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("$"));
    verifyNoInteractions(service);
  }

  @Test
  void submittingNeedsAKeyAndTheSubmitRole() throws Exception {
    mvc.perform(post("/api/v1/studies").contentType("application/json").content(BODY))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Unauthorized"));
    mvc.perform(
            post("/api/v1/studies")
                .with(unknownKey())
                .contentType("application/json")
                .content(BODY))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("unknown or revoked API key"));
    mvc.perform(
            post("/api/v1/studies")
                .with(as(Role.READ))
                .contentType("application/json")
                .content(BODY))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Forbidden"));
    verifyNoInteractions(service);
  }

  @Test
  void getAnswersTheStudyWithItsVersionAsETag() throws Exception {
    given(service.get(ID)).willReturn(study);

    mvc.perform(get("/api/v1/studies/" + ID).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.name").value("tiny"))
        .andExpect(jsonPath("$.referenceScale").value("m"))
        .andExpect(jsonPath("$.createdAt").value("2026-01-02T03:04:05Z"));
  }

  @Test
  void ifNoneMatchWithTheCurrentVersionIsNotModified() throws Exception {
    given(service.get(ID)).willReturn(study);

    mvc.perform(get("/api/v1/studies/" + ID).with(as(Role.READ)).header("If-None-Match", "\"3\""))
        .andExpect(status().isNotModified())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(content().string(""));
    mvc.perform(get("/api/v1/studies/" + ID).with(as(Role.READ)).header("If-None-Match", "\"2\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(ID.toString()));
  }

  @Test
  void anUnknownStudyIsAProblem404() throws Exception {
    given(service.get(ID)).willThrow(new StudyNotFoundException(ID));

    mvc.perform(get("/api/v1/studies/" + ID).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Study not found"));
  }

  @Test
  void anotherOwnersStudyIsHiddenAs404BeforeTheController() throws Exception {
    given(owners.visible(eq(ID), any())).willReturn(false);

    mvc.perform(get("/api/v1/studies/" + ID).with(as(Role.READ)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Study not found"));
    verify(service, never()).get(any());
  }

  @Test
  void anIdThatIsNoUuidIsAProblem400() throws Exception {
    mvc.perform(get("/api/v1/studies/not-a-uuid").with(as(Role.READ)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void cancelPassesTheIfMatchVersion() throws Exception {
    given(service.cancel(ID, 3L)).willReturn(study);

    mvc.perform(
            post("/api/v1/studies/" + ID + "/cancel")
                .with(as(Role.SUBMIT))
                .header("If-Match", "W/\"3\""))
        .andExpect(status().isAccepted())
        .andExpect(header().string("ETag", "\"3\""));
    verify(service).cancel(ID, 3L);
  }

  @Test
  void cancelWithoutIfMatchCancelsAnyVersion() throws Exception {
    given(service.cancel(ID, null)).willReturn(study);

    mvc.perform(post("/api/v1/studies/" + ID + "/cancel").with(as(Role.SUBMIT)))
        .andExpect(status().isAccepted());
    verify(service).cancel(ID, null);
  }

  @Test
  void aStaleOrMalformedIfMatchIsAProblem() throws Exception {
    given(service.cancel(ID, 2L))
        .willThrow(
            new StudyConflictException(
                HttpStatus.PRECONDITION_FAILED, "Version mismatch", "the study is at version 3"));

    mvc.perform(
            post("/api/v1/studies/" + ID + "/cancel")
                .with(as(Role.SUBMIT))
                .header("If-Match", "\"2\""))
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Version mismatch"));
    mvc.perform(
            post("/api/v1/studies/" + ID + "/cancel")
                .with(as(Role.SUBMIT))
                .header("If-Match", "\"v3\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("If-Match")));
  }

  @Test
  void aCancelThatLostARaceIsAConflictToRepeatNotAServerError() throws Exception {
    given(service.cancel(ID, null))
        .willThrow(new ObjectOptimisticLockingFailureException(Study.class, ID));

    mvc.perform(post("/api/v1/studies/" + ID + "/cancel").with(as(Role.SUBMIT)))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Concurrent change"))
        .andExpect(jsonPath("$.detail", containsString("repeat the request")));
  }

  @Test
  void listPagesWithDefaultsAndPassesTheCaller() throws Exception {
    given(service.list(StudyFilter.ANY, PageRequest.of(0, 20), apiKey(Role.READ)))
        .willReturn(
            new PageImpl<>(
                List.of(new StudySearch.Found(study, "team-a")), PageRequest.of(0, 20), 41));

    mvc.perform(get("/api/v1/studies").with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.total").value(41))
        .andExpect(jsonPath("$.items[0].id").value(ID.toString()))
        .andExpect(jsonPath("$.items[0].owner").value("team-a"))
        .andExpect(jsonPath("$.items[0].kind").value("scale-correlation"))
        .andExpect(jsonPath("$.items[0].definition").doesNotExist());
  }

  @Test
  void oneStudyCarriesItsDefinitionOwnerAndKind() throws Exception {
    given(service.get(ID)).willReturn(study);
    given(service.owner(ID)).willReturn("team-a");

    mvc.perform(get("/api/v1/studies/" + ID).with(as(Role.READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.owner").value("team-a"))
        .andExpect(jsonPath("$.kind").value("scale-correlation"))
        .andExpect(jsonPath("$.definition.name").value("tiny"))
        .andExpect(jsonPath("$.definition.seeds[0]").value(1));
  }

  @Test
  void filtersReachTheServiceTyped() throws Exception {
    StudyFilter filter =
        new StudyFilter(
            StudyStatus.COMPLETED,
            StudyKind.SELECTION,
            "team-a",
            "Tiny",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"));
    given(service.list(filter, PageRequest.of(1, 5), apiKey(Role.ADMIN)))
        .willReturn(new PageImpl<>(List.of(), PageRequest.of(1, 5), 5));

    mvc.perform(
            get("/api/v1/studies")
                .with(as(Role.ADMIN))
                .param("page", "1")
                .param("size", "5")
                .param("status", "COMPLETED")
                .param("kind", "selection")
                .param("owner", "team-a")
                .param("name", "Tiny")
                .param("submittedAfter", "2026-01-01T00:00:00Z")
                .param("submittedBefore", "2026-02-01T00:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(5));
  }

  @Test
  void badFiltersAreProblemsNamingTheParameter() throws Exception {
    String[][] cases = {
      {"status", "DONE"},
      {"kind", "scaling"},
      {"name", "x".repeat(201)},
      {"owner", "o".repeat(101)},
      {"name", "a\0b"},
      {"submittedAfter", "yesterday"},
      {"submittedBefore", "2026-01-01"},
    };
    for (String[] c : cases) {
      mvc.perform(get("/api/v1/studies").with(as(Role.ADMIN)).param(c[0], c[1]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail", startsWith(c[0] + ":")));
    }
    mvc.perform(
            get("/api/v1/studies")
                .with(as(Role.ADMIN))
                .param("submittedAfter", "2026-02-01T00:00:00Z")
                .param("submittedBefore", "2026-01-01T00:00:00Z"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith("submittedBefore:")));
    verify(service, never()).list(any(), any(), any());
  }

  @Test
  void pagesBeyondTheLimitsAreProblemsNamingTheParameter() throws Exception {
    given(service.list(any(), any(), any())).willReturn(new PageImpl<>(List.of()));

    mvc.perform(get("/api/v1/studies").with(as(Role.READ)).param("size", "100"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/studies").with(as(Role.READ)).param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("size")));
    mvc.perform(get("/api/v1/studies").with(as(Role.READ)).param("size", "0"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/studies").with(as(Role.READ)).param("page", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("page")));
  }

  /** A stored study at this version: 4 training jobs over 2 seeds, reference scale m. */
  static Study study(long version) {
    Study study = mock(Study.class);
    given(study.id()).willReturn(ID);
    given(study.name()).willReturn("tiny");
    given(study.status()).willReturn(StudyStatus.QUEUED);
    given(study.referenceScale()).willReturn("m");
    given(study.jobsTotal()).willReturn(4);
    given(study.version()).willReturn(version);
    given(study.plan())
        .willReturn(
            "{\"distributions\": [], \"evalSets\": [\"quiz\"],"
                + " \"scales\": [{\"name\": \"s\"}, {\"name\": \"m\"}], \"seeds\": [1, 2]}");
    given(study.definition()).willReturn(BODY);
    given(study.createdAt()).willReturn(Instant.parse("2026-01-02T03:04:05Z"));
    given(study.updatedAt()).willReturn(Instant.parse("2026-01-02T03:04:06Z"));
    return study;
  }
}
