package io.s2l.experiment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.experiment.study.StudyService;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.testsupport.web.AdminKeyClient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

/**
 * Cancellations raced against reconciliations on a real PostgreSQL, in both orders, pausing each
 * side in the real code path while the other runs: every cancel succeeds, and a cancelled study
 * keeps no job queued or running, whichever side reached the study first.
 */
@Import({AdminKeyClient.class, RaceHooks.class, CancelReconcileRaceIT.Hooks.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CancelReconcileRaceIT {

  private static final int ROUNDS = 8;
  private static final String RECONCILER = "race-reconciler";
  private static final String CANCELLER = "race-canceller";

  static final String ATTRIBUTION =
      """
      {"name": "raced", "dataset": "digits",
       "generated": {"randomSubsets": {"count": 3, "fraction": 0.5, "seed": 5}},
       "scales": [{"name": "w4", "family": "mlp", "width": 4, "depth": 1},
                  {"name": "w16", "family": "mlp", "width": 16, "depth": 1}],
       "referenceScale": "w16", "seeds": [0],
       "attribution": {"modelsPerScale": 2, "dimension": 8, "targets": 5}}
      """;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    RaceHooks.properties(registry);
  }

  /** The pause point in the queue writes of a reconciliation (the clock's is {@link RaceHooks}). */
  @TestConfiguration
  static class Hooks {
    @Bean
    @Primary
    StudyJobs pausingJobs(JobQueue queue, CurrentTransaction transaction, RacePause pause) {
      StudyJobs real = new QueueStudyJobs(queue, transaction);
      return new StudyJobs() {
        @Override
        public JobCounts counts(UUID study, List<String> kinds) {
          return real.counts(study, kinds);
        }

        @Override
        public Optional<String> firstFailure(UUID study, List<String> kinds) {
          return real.firstFailure(study, kinds);
        }

        @Override
        public List<QueuedJob> jobs(UUID study, List<String> kinds) {
          return real.jobs(study, kinds);
        }

        @Override
        public void enqueue(List<NewJob> jobs) {
          pause.here();
          real.enqueue(jobs);
        }

        @Override
        public void enqueueAbsent(List<NewJob> jobs) {
          pause.here();
          real.enqueueAbsent(jobs);
        }
      };
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired StudyService service;
  @Autowired StudyTracker tracker;
  @Autowired RacePause pause;
  @Autowired DataSource dataSource;

  private final ExecutorService reconciler = RaceHooks.side(RECONCILER);
  private final ExecutorService canceller = RaceHooks.side(CANCELLER);

  @AfterEach
  void stop() {
    reconciler.shutdownNow();
    canceller.shutdownNow();
  }

  @Test
  void aCancelThatCommitsWhileAReconciliationRunsLeavesNoJobQueued() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      // a trained pool model: the reconciliation queues its featurisations, the study unchanged
      UUID study = submit();
      setFirstPoolJob(study, "running");
      tracker.reconcileAll();
      assertThat(service.get(study).status()).isEqualTo(StudyStatus.TRAINING);
      setFirstPoolJob(study, "succeeded");

      CompletableFuture<Void> cancel = new CompletableFuture<>();
      pause.arm(RECONCILER, cancel::isDone);
      CompletableFuture<Void> reconcile =
          CompletableFuture.runAsync(tracker::reconcileAll, reconciler);
      pause.awaitReached();
      CompletableFuture.runAsync(() -> service.cancel(study, null), canceller)
          .whenComplete((done, failure) -> RaceHooks.complete(cancel, done, failure));

      finish(round, study, reconcile, cancel);
    }
  }

  @Test
  void aReconciliationThatCommitsWhileACancelRunsNeitherFailsTheCancelNorRevivesTheStudy()
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      // a claimed job: the reconciliation moves the study to TRAINING
      UUID study = submit();
      setFirstPoolJob(study, "running");

      CompletableFuture<Void> reconcile = new CompletableFuture<>();
      pause.arm(CANCELLER, reconcile::isDone);
      CompletableFuture<Void> cancel =
          CompletableFuture.runAsync(() -> service.cancel(study, null), canceller);
      pause.awaitReached();
      CompletableFuture.runAsync(tracker::reconcileAll, reconciler)
          .whenComplete((done, failure) -> RaceHooks.complete(reconcile, done, failure));

      finish(round, study, reconcile, cancel);
    }
  }

  private void finish(
      int round, UUID study, CompletableFuture<Void> reconcile, CompletableFuture<Void> cancel)
      throws Exception {
    reconcile.get(30, TimeUnit.SECONDS);
    cancel.get(30, TimeUnit.SECONDS); // throws when the cancel failed
    tracker.reconcileAll(); // a later reconciliation changes nothing either
    assertThat(service.get(study).status()).as("round %d", round).isEqualTo(StudyStatus.CANCELLED);
    assertThat(RaceHooks.jobsLeftToRun(dataSource, study))
        .as("round %d: jobs left to run on a cancelled study", round)
        .isEmpty();
  }

  private UUID submit() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created =
        http.postForEntity(
            "/api/v1/studies", new HttpEntity<>(ATTRIBUTION, headers), JsonNode.class);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return UUID.fromString(created.getBody().get("id").asText());
  }

  private void setFirstPoolJob(UUID study, String state) {
    int changed =
        new JdbcTemplate(dataSource)
            .update(
                "UPDATE queue.job SET state = ?, lease_owner = 'race-worker' WHERE id ="
                    + " (SELECT min(id) FROM queue.job WHERE study_id = ? AND kind = 'train'"
                    + " AND job_key LIKE '%/pool/%')",
                state, study);
    assertThat(changed).isEqualTo(1);
  }
}
