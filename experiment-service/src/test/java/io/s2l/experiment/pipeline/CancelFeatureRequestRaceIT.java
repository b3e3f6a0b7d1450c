package io.s2l.experiment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.access.ApiKey;
import io.s2l.access.ApiKeys;
import io.s2l.access.QuotaReservation;
import io.s2l.access.Quotas;
import io.s2l.experiment.study.FeatureRequests;
import io.s2l.experiment.study.StudyConflictException;
import io.s2l.experiment.study.StudyService;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feature requests on cancelled and failed studies, and raced against cancellations on a real
 * PostgreSQL in both orders, pausing each side in the real code path while the other runs: a
 * stopped study is refused with 409 naming its status, and a cancelled study keeps no job queued or
 * running, whichever side reached the study first.
 */
@Import({AdminKeyClient.class, RaceHooks.class, CancelFeatureRequestRaceIT.Hooks.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CancelFeatureRequestRaceIT {

  private static final int ROUNDS = 4;
  private static final String REQUESTER = "race-requester";
  private static final String CANCELLER = "race-canceller";
  private static final String RUN = "w8/subset-3/0";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    RaceHooks.properties(registry);
  }

  /**
   * The pause point where a feature request charges its job: queued, not yet committed (the
   * cancel's is in {@link RaceHooks}).
   */
  @TestConfiguration
  static class Hooks {
    @Bean
    @Primary
    Quotas pausingQuotas(
        DataSource dataSource, PlatformTransactionManager transactions, RacePause pause) {
      return new Quotas(
          new JdbcTemplate(dataSource),
          new TransactionTemplate(transactions),
          Duration.ofSeconds(60)) {
        @Override
        public void charge(QuotaReservation reservation) {
          pause.here();
          super.charge(reservation);
        }
      };
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired StudyService service;
  @Autowired FeatureRequests features;
  @Autowired ApiKeys keys;
  @Autowired RacePause pause;
  @Autowired DataSource dataSource;

  private final ExecutorService requester = RaceHooks.side(REQUESTER);
  private final ExecutorService canceller = RaceHooks.side(CANCELLER);

  @AfterEach
  void stop() {
    requester.shutdownNow();
    canceller.shutdownNow();
  }

  @Test
  void aRequestOnACancelledOrFailedStudyIsA409NamingItsStatusAndQueuesNothing() {
    UUID cancelled = trainedStudy();
    ResponseEntity<JsonNode> cancel =
        http.postForEntity("/api/v1/studies/" + cancelled + "/cancel", null, JsonNode.class);
    assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    UUID failed = trainedStudy();
    jdbc().update("UPDATE experiment.study SET status = 'FAILED' WHERE id = ?", failed);

    for (UUID study : List.of(cancelled, failed)) {
      ResponseEntity<JsonNode> refused = requestFeatures(study);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused.getBody().get("title").asText()).isEqualTo("Study stopped");
      assertThat(featureJobs(study)).isEmpty();
    }
    assertThat(requestFeatures(cancelled).getBody().get("detail").asText())
        .contains("is CANCELLED");
    assertThat(requestFeatures(failed).getBody().get("detail").asText()).contains("is FAILED");
  }

  @Test
  void aCancelWhileARequestQueuesItsJobLeavesNoJobQueued() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      UUID study = trainedStudy();

      CompletableFuture<Void> cancel = new CompletableFuture<>();
      pause.arm(REQUESTER, cancel::isDone);
      CompletableFuture<String> request =
          CompletableFuture.supplyAsync(() -> request(study), requester);
      pause.awaitReached();
      CompletableFuture.runAsync(() -> service.cancel(study, null), canceller)
          .whenComplete((done, failure) -> RaceHooks.complete(cancel, done, failure));

      cancel.get(30, TimeUnit.SECONDS); // throws when the cancel failed
      // the request held the study: it queued its job, and the cancel, waiting, then stopped it
      assertThat(request.get(30, TimeUnit.SECONDS)).as("round %d", round).isNotBlank();
      assertNothingLeftToRun(round, study);
    }
  }

  @Test
  void aRequestWhileACancelHoldsTheStudyWaitsAndIsRefused() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      UUID study = trainedStudy();

      CompletableFuture<String> request = new CompletableFuture<>();
      pause.arm(CANCELLER, request::isDone);
      CompletableFuture<Void> cancel =
          CompletableFuture.runAsync(() -> service.cancel(study, null), canceller);
      pause.awaitReached();
      CompletableFuture.supplyAsync(() -> request(study), requester)
          .whenComplete((job, failure) -> RaceHooks.complete(request, job, failure));

      cancel.get(30, TimeUnit.SECONDS);
      assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS))
          .as("round %d", round)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(StudyConflictException.class)
          .hasMessageContaining("is CANCELLED");
      assertNothingLeftToRun(round, study);
      assertThat(featureJobs(study)).as("round %d", round).isEmpty();
    }
  }

  private void assertNothingLeftToRun(int round, UUID study) {
    assertThat(service.get(study).status()).as("round %d", round).isEqualTo(StudyStatus.CANCELLED);
    assertThat(RaceHooks.jobsLeftToRun(dataSource, study))
        .as("round %d: jobs left to run on a cancelled study", round)
        .isEmpty();
  }

  private String request(UUID study) {
    ApiKey admin = keys.authenticate(TestKeys.ADMIN).orElseThrow();
    return features.request(study, RUN, "train", 16, 0L, admin);
  }

  private ResponseEntity<JsonNode> requestFeatures(UUID study) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"run\": \"" + RUN + "\", \"examples\": \"train\", \"dimension\": 16}";
    return http.postForEntity(
        "/api/v1/studies/" + study + "/features", new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** A submitted digits study one of whose models is trained (as if by a worker). */
  private UUID trainedStudy() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/v1/studies", new HttpEntity<>(example(), headers), JsonNode.class);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    UUID study = UUID.fromString(created.getBody().get("id").asText());
    int trained =
        jdbc()
            .update(
                "UPDATE queue.job SET state = 'succeeded' WHERE study_id = ? AND job_key = ?",
                study,
                RUN);
    assertThat(trained).isEqualTo(1);
    return study;
  }

  private List<String> featureJobs(UUID study) {
    return jdbc()
        .queryForList(
            "SELECT job_key FROM queue.job WHERE study_id = ? AND kind = 'featurize'",
            String.class,
            study);
  }

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  private static String example() {
    try {
      return Files.readString(Path.of("../examples/demo-digits.json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
