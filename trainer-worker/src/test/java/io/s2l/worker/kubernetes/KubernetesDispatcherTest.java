package io.s2l.worker.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.LeaseLostException;
import io.s2l.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher against fabric8's Kubernetes mock API server in CRUD mode: it stores what is
 * created and serves it back, but runs nothing, so each test plays the cluster (the pod, its log,
 * the Job's end) while the dispatcher polls.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesDispatcherTest {

  private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");
  private static final String NAME = "s2l-7-1";

  KubernetesClient client;
  KubernetesMockServer server;

  @TempDir Path artifacts;

  private final ObjectMapper json = new ObjectMapper();
  private final MutableClock clock = new MutableClock(START);
  private TestRuns runs;
  private KubernetesDispatcher dispatcher;
  private String payload;

  @BeforeEach
  void setUp() throws Exception {
    runs = new TestRuns(artifacts, clock);
    var settings = Fixtures.settings();
    dispatcher =
        new KubernetesDispatcher(
            runs,
            new JobManifests(Fixtures.NAMESPACE, artifacts, settings),
            new ClusterJobs(client, Fixtures.NAMESPACE),
            json,
            clock,
            Duration.ofMillis(20));
    payload = json.writeValueAsString(Fixtures.spec(Fixtures.trainer(1, null)));
  }

  @Test
  void aSucceededJobIsIngestedOnceAndItsSpecMapDeleted() throws Exception {
    ClaimedJob job = Fixtures.job(7, 1, payload);
    TestContext context = new TestContext(job);
    CompletableFuture<Void> dispatched = dispatch(job, context);

    Job submitted = awaitJob(NAME);
    await(
        () -> client.configMaps().inNamespace("s2l").withName(NAME).get() != null,
        "the spec ConfigMap");
    assertThat(
            client
                .configMaps()
                .inNamespace("s2l")
                .withName(NAME)
                .get()
                .getMetadata()
                .getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(submitted.getMetadata().getUid()));
    createPod(job, "s2l-7-1-x2b9q", "Running", null);
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/s2l/pods/s2l-7-1-x2b9q/log?pretty=false&container=trainer&tailLines="
                + ClusterJobs.LOG_LINES)
        .andReturn(
            200,
            "{\"step\": 10, \"steps\": 40, \"loss\": 4.1}\nwarning: slow disk\n"
                + "{\"step\": 30, \"steps\": 40, \"tokens\": 30720, \"loss\": 3.2}\nloading batch 31\n")
        .always();
    await(() -> context.progress.contains(0.75), "progress 0.75 from the log's last progress line");

    PreparedRun run = runs.prepare(job, Fixtures.spec(Fixtures.trainer(1, null)));
    TestRuns.writeOutputs(run);
    finish(NAME, "Complete", null, "2026-12-04T12:00:05Z", "2026-12-04T12:02:05Z");
    dispatched.get(10, TimeUnit.SECONDS);

    assertThat(runs.ingested).containsExactly(120.0);
    assertThat(client.configMaps().inNamespace("s2l").withName(NAME).get()).isNull();
    assertThat(jobs().withName(NAME).get())
        .as("a finished Job stays until its TTL, for inspection")
        .isNotNull();
  }

  @Test
  void outputsThatDoNotValidateFailTheAttemptAndAreNotIngested() throws Exception {
    ClaimedJob job = Fixtures.job(7, 1, payload);
    CompletableFuture<Void> dispatched = dispatch(job, new TestContext(job));

    awaitJob(NAME);
    finish(NAME, "Complete", null, null, null);

    assertThatThrownBy(() -> dispatched.get(10, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageStartingWith("result.json is missing");
    assertThat(runs.ingested).isEmpty();
    assertThat(client.configMaps().inNamespace("s2l").withName(NAME).get()).isNull();
  }

  @Test
  void aJobWhosePodWasOomKilledFailsTheAttemptNamingIt() throws Exception {
    CompletableFuture<Void> dispatched =
        dispatchedWithPod(
            "s2l-7-1-k7w2m",
            "Failed",
            new ContainerStateBuilder()
                .withNewTerminated()
                .withReason("OOMKilled")
                .withExitCode(137)
                .endTerminated()
                .build());
    finish(NAME, "Failed", "BackoffLimitExceeded", null, null);

    assertThatThrownBy(() -> dispatched.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(TrainerJobFailedException.class)
        .cause()
        .hasMessage(
            "Kubernetes Job s2l-7-1 failed: BackoffLimitExceeded (Job has reached the specified"
                + " backoff limit); pod s2l-7-1-k7w2m: trainer terminated: OOMKilled, exit code 137");
    assertThat(runs.ingested).isEmpty();
    assertThat(client.configMaps().inNamespace("s2l").withName(NAME).get()).isNull();
  }

  @Test
  void aLostLeaseDeletesTheJobAndItsSpec() throws Exception {
    ClaimedJob job = Fixtures.job(7, 1, payload);
    TestContext context = new TestContext(job);
    CompletableFuture<Void> dispatched = dispatch(job, context);

    awaitJob(NAME);
    int checks = context.leaseChecks;
    await(() -> context.leaseChecks > checks, "the lease checked while the Job runs");
    context.loseLease();

    assertThatThrownBy(() -> dispatched.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LeaseLostException.class);
    assertThat(jobs().withName(NAME).get()).isNull();
    assertThat(client.configMaps().inNamespace("s2l").withName(NAME).get()).isNull();
    assertThat(runs.ingested).isEmpty();
  }

  @Test
  void aPodWhoseImageCannotBePulledFailsAtOnceAndItsJobIsDeleted() throws Exception {
    CompletableFuture<Void> dispatched =
        dispatchedWithPod(
            "s2l-7-1-p0d5z",
            "Pending",
            new ContainerStateBuilder()
                .withNewWaiting()
                .withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"s2l/trainer-pytorch:0.1.0\"")
                .endWaiting()
                .build());

    assertThatThrownBy(() -> dispatched.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(TrainerJobFailedException.class)
        .hasMessage(
            "Kubernetes Job s2l-7-1 cannot start: pod s2l-7-1-p0d5z: trainer waiting:"
                + " ImagePullBackOff: Back-off pulling image \"s2l/trainer-pytorch:0.1.0\"");
    assertThat(jobs().withName(NAME).get()).isNull();
  }

  @Test
  void dispatchingAnAttemptWhoseJobExistsAlreadyAdoptsIt() throws Exception {
    ClaimedJob job = Fixtures.job(7, 1, payload);
    String uid = leftBehind(job).getMetadata().getUid();

    CompletableFuture<Void> dispatched = dispatch(job, new TestContext(job));
    TestRuns.writeOutputs(runs.prepare(job, Fixtures.spec(Fixtures.trainer(1, null))));
    Thread.sleep(100); // a few polls of the adopted Job
    finish(NAME, "Complete", null, null, null);
    dispatched.get(10, TimeUnit.SECONDS);

    assertThat(jobs().list().getItems())
        .singleElement()
        .satisfies(j -> assertThat(j.getMetadata().getUid()).isEqualTo(uid));
    assertThat(runs.ingested).hasSize(1);
  }

  @Test
  void aJobOfAnEarlierAttemptIsDeletedBeforeTheNextStarts() throws Exception {
    leftBehind(Fixtures.job(7, 1, payload));

    ClaimedJob secondAttempt = Fixtures.job(7, 2, payload);
    CompletableFuture<Void> dispatched = dispatch(secondAttempt, new TestContext(secondAttempt));
    awaitJob("s2l-7-2");

    assertThat(jobs().withName("s2l-7-1").get()).isNull();
    assertThat(client.configMaps().inNamespace("s2l").withName("s2l-7-1").get()).isNull();
    TestRuns.writeOutputs(runs.prepare(secondAttempt, Fixtures.spec(Fixtures.trainer(1, null))));
    finish("s2l-7-2", "Complete", null, null, null);
    dispatched.get(10, TimeUnit.SECONDS);
    assertThat(runs.ingested).hasSize(1);
  }

  @Test
  void aJobOfTheSameNameThatIsNotThisAttemptsIsLeftAloneAndRefused() throws Exception {
    jobs()
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName(NAME)
                .addToLabels("team", "other")
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    ClaimedJob job = Fixtures.job(7, 1, payload);

    assertThatThrownBy(() -> dispatcher.handle(job, new TestContext(job)))
        .hasMessage("a Job named s2l-7-1 exists in s2l that is not this attempt's");
    assertThat(jobs().withName(NAME).get().getMetadata().getLabels())
        .containsEntry("team", "other");
  }

  @Test
  void aJobDeletedByHandFailsTheAttempt() throws Exception {
    ClaimedJob job = Fixtures.job(7, 1, payload);
    CompletableFuture<Void> dispatched = dispatch(job, new TestContext(job));

    awaitJob(NAME);
    jobs().withName(NAME).delete();

    assertThatThrownBy(() -> dispatched.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(TrainerJobFailedException.class)
        .hasMessage("Kubernetes Job s2l-7-1 was deleted");
  }

  @Test
  void aPayloadWithoutAKubernetesTrainerIsRefusedBeforeAnythingIsMade() throws Exception {
    ClaimedJob job = Fixtures.job(7, 1, json.writeValueAsString(Fixtures.spec(null)));

    assertThatThrownBy(() -> dispatcher.handle(job, new TestContext(job)))
        .hasMessage(
            "a train-kubernetes job must name a trainer registered with a Kubernetes image");
    assertThat(jobs().list().getItems()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  private CompletableFuture<Void> dispatch(ClaimedJob job, TestContext context) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            dispatcher.handle(job, context);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The Job and spec of {@code job}'s attempt, as a dispatcher that died would leave them. */
  private Job leftBehind(ClaimedJob job) throws Exception {
    var spec = Fixtures.spec(Fixtures.trainer(1, null));
    PreparedRun run = runs.prepare(job, spec);
    var objects =
        new JobManifests(Fixtures.NAMESPACE, artifacts, Fixtures.settings())
            .of(job, spec.trainer(), run, Files.readString(run.specFile()), clock.instant());
    return new ClusterJobs(client, Fixtures.NAMESPACE).submit(job, objects);
  }

  private Job awaitJob(String name) throws InterruptedException {
    await(() -> jobs().withName(name).get() != null, "Job " + name);
    return jobs().withName(name).get();
  }

  private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
    return client.batch().v1().jobs().inNamespace("s2l");
  }

  /** Dispatches job 7's first attempt, then plays its pod: {@code pod}, in {@code phase}. */
  private CompletableFuture<Void> dispatchedWithPod(String pod, String phase, ContainerState state)
      throws InterruptedException {
    ClaimedJob job = Fixtures.job(7, 1, payload);
    CompletableFuture<Void> dispatched = dispatch(job, new TestContext(job));
    awaitJob(NAME);
    createPod(job, pod, phase, state);
    return dispatched;
  }

  /** A pod of {@code job}'s attempt, in {@code phase}, its trainer container in {@code state}. */
  private Pod createPod(ClaimedJob job, String name, String phase, ContainerState state) {
    Pod pod =
        client
            .pods()
            .inNamespace("s2l")
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withLabels(JobManifests.labels(job, Fixtures.trainer(1, null)))
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("trainer")
                    .endContainer()
                    .endSpec()
                    .build())
            .create();
    var status = new PodStatusBuilder().withPhase(phase);
    if (state != null) {
      status.addNewContainerStatus().withName("trainer").withState(state).endContainerStatus();
    }
    return client
        .pods()
        .inNamespace("s2l")
        .resource(new PodBuilder(pod).withStatus(status.build()).build())
        .updateStatus();
  }

  /** Ends the Job as the Job controller would. */
  private void finish(
      String name, String condition, String reason, String started, String completed) {
    Job job = jobs().withName(name).get();
    String message =
        "BackoffLimitExceeded".equals(reason)
            ? "Job has reached the specified backoff limit"
            : null;
    jobs()
        .resource(
            new JobBuilder(job)
                .withNewStatus()
                .withStartTime(started)
                .withCompletionTime(completed)
                .withSucceeded("Complete".equals(condition) ? 1 : 0)
                .withFailed("Failed".equals(condition) ? 1 : 0)
                .withConditions(
                    new JobConditionBuilder()
                        .withType(condition)
                        .withStatus("True")
                        .withReason(reason)
                        .withMessage(message)
                        .build())
                .endStatus()
                .build())
        .updateStatus();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
