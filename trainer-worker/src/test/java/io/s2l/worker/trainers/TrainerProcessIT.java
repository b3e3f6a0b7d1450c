package io.s2l.worker.trainers;

import static io.s2l.worker.trainers.FakeTrainers.alive;
import static io.s2l.worker.trainers.FakeTrainers.awaitPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobTimedOutException;
import io.s2l.queue.LeaseLostException;
import io.s2l.queue.WorkerStoppingException;
import io.s2l.trainer.contract.Contract;
import io.s2l.trainer.contract.ContractViolation;
import io.s2l.trainer.contract.OutputValidator;
import io.s2l.trainer.contract.TrainerSpec;
import io.s2l.worker.config.WorkerProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child processes (docs/trainer-contract.md sections 1, 3 and 5): the environment a trainer
 * gets, its progress, and every way a run ends early, each killing the trainer's whole tree.
 */
class TrainerProcessIT {

  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final ClaimedJob JOB =
      new ClaimedJob(7, UUID.randomUUID(), "train", "xs/mix/0", "{}", 1, 3, "trainer-test");

  @TempDir Path dir;
  Path runDir;
  Path pidDir;
  Path spec;
  TrainerProcess process;

  @BeforeEach
  void runDirectory() throws Exception {
    runDir = Files.createDirectories(dir.resolve("run"));
    pidDir = dir.resolve("local");
    process = process(null);
    Files.createDirectories(runDir.resolve("out"));
    Path texts =
        Files.writeString(
            dir.resolve("heldout.jsonl"),
            "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n");
    spec =
        Files.write(
            runDir.resolve(Contract.SPEC_FILE),
            Contract.json()
                .writeValueAsBytes(
                    new TrainerSpec(
                        Contract.VERSION,
                        JOB.studyId(),
                        "xs/mix/0",
                        "mix",
                        JOB.id(),
                        1,
                        "lm",
                        new TrainerSpec.Scale("xs", 16, 1, 2, 32, 3360, 12064),
                        Map.of(),
                        0,
                        TrainerSpec.Budget.ofTokens(16800),
                        new TrainerSpec.Training(8, 0.003, 0.1, 0.01, 1.0, "cpu"),
                        TrainerSpec.Data.documents(
                            "/nowhere/train.jsonl", Map.of("legal", 1.0), null),
                        List.of(
                            new TrainerSpec.EvalSet(
                                "heldout/legal", Contract.TEXT, texts.toString(), 2, 256, null)),
                        runDir.resolve("out").toString(),
                        null,
                        Instant.now().plusSeconds(3600))));
  }

  private TrainerProcess process(String cuda) {
    return new TrainerProcess(
        new WorkerProperties.TrainerProcessSettings(true, GRACE, Duration.ofMillis(100), cuda),
        pidDir,
        1);
  }

  private TrainerProcess.Outcome run(List<String> command, RecordingContext context)
      throws Exception {
    return process.run(
        runDir, spec, command, Duration.ofSeconds(30), Instant.now().plusSeconds(3600), context);
  }

  @Test
  void aGoodTrainerRunsInACleanEnvironmentAndReportsItsProgress() throws Exception {
    process = process("1");
    RecordingContext context = new RecordingContext();

    TrainerProcess.Outcome outcome =
        run(FakeTrainers.python("--steps", "8", "--step-seconds", "0.1"), context);

    JsonNode env = Contract.json().readTree(runDir.resolve("environment.json").toFile());
    List<String> names = new ArrayList<>();
    env.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder(
            "PATH",
            "HOME",
            "TMPDIR",
            "LANG",
            "S2L_TRAINER_SPEC",
            "CUDA_VISIBLE_DEVICES",
            "OMP_NUM_THREADS");
    assertThat(env.get("PATH").asText()).isEqualTo("/usr/local/bin:/usr/bin:/bin");
    assertThat(env.get("HOME").asText()).isEqualTo(runDir.resolve("home").toString());
    assertThat(env.get("TMPDIR").asText()).isEqualTo(runDir.resolve("tmp").toString());
    assertThat(env.get("LANG").asText()).isEqualTo("C.UTF-8");
    assertThat(env.get("S2L_TRAINER_SPEC").asText()).isEqualTo(spec.toString());
    assertThat(env.get("CUDA_VISIBLE_DEVICES").asText()).isEqualTo("1");
    assertThat(env.get("OMP_NUM_THREADS").asText()).isEqualTo("1");
    assertThat(context.progress)
        .isNotEmpty()
        .isSorted()
        .allSatisfy(p -> assertThat(p).isBetween(0.0, 0.95));
    assertThat(outcome.lastProgress().step()).isEqualTo(8);
    assertThat(outcome.peakRssBytes()).isPositive();
    assertThat(Files.readString(runDir.resolve("trainer.log"))).contains("trained 8 steps");
    assertThat(PidFile.list(pidDir)).isEmpty();
    var outputs =
        OutputValidator.validate(
            Contract.json().readValue(spec.toFile(), TrainerSpec.class),
            runDir.resolve("out"),
            Map.of("heldout/legal", List.of("a", "b")));
    assertThat(outputs.sets().get("heldout/legal").losses()).containsExactly(1f, 1.125f);
  }

  @Test
  void withoutCudaDevicesConfiguredNoneIsPassed() throws Exception {
    run(FakeTrainers.python(), new RecordingContext());
    assertThat(Files.readString(runDir.resolve("environment.json"))).doesNotContain("CUDA");
  }

  @Test
  void aSilentTrainerIsKilledAsHung() throws Exception {
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                process.run(
                    runDir,
                    spec,
                    FakeTrainers.sh("silent.sh"),
                    Duration.ofSeconds(1),
                    Instant.now().plusSeconds(3600),
                    new RecordingContext()))
        .isInstanceOf(TrainerFailedException.class)
        .hasMessage(
            "trainer silent for 1 s: no progress line on stdout within its silenceSeconds (1);"
                + " killed as hung");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(alive(awaitPid(runDir.resolve("shell.pid")))).isFalse();
    assertThat(PidFile.list(pidDir)).isEmpty();
  }

  @Test
  void aLineThatIsNotProgressFailsTheAttempt() throws Exception {
    assertThatThrownBy(() -> run(FakeTrainers.sh("garbage.sh"), new RecordingContext()))
        .isInstanceOf(ContractViolation.class)
        .hasMessage("stdout line 2 is not a progress object: loading weights from cache...");
  }

  @Test
  void aFailedTrainerIsQuotedFromItsLog() throws Exception {
    assertThatThrownBy(() -> run(FakeTrainers.python("--fault", "fail"), new RecordingContext()))
        .isInstanceOf(TrainerFailedException.class)
        .hasMessageStartingWith("trainer exited with code 3; trainer.log ends with:\n")
        .hasMessageEndingWith("trained 5 steps\nRuntimeError: CUDA out of memory (fake)");
  }

  @Test
  void aLostLeaseACancelledStudyATimeOutOrAStoppingWorkerKillTheWholeTree() throws Exception {
    for (RuntimeException failure :
        List.of(
            new LeaseLostException(JOB),
            new JobTimedOutException(JOB, Duration.ofHours(12)),
            new WorkerStoppingException(JOB))) {
      Files.deleteIfExists(runDir.resolve("grandchild.pid"));
      RecordingContext context = new RecordingContext(runDir.resolve("grandchild.pid"), failure);

      assertThatThrownBy(() -> run(FakeTrainers.sh("spawner.sh"), context)).isSameAs(failure);

      long trainer = awaitPid(runDir.resolve("shell.pid"));
      long grandchild = awaitPid(runDir.resolve("grandchild.pid"));
      assertThat(alive(trainer)).as("trainer after " + failure).isFalse();
      assertThat(alive(grandchild)).as("its child after " + failure).isFalse();
      assertThat(PidFile.list(pidDir)).isEmpty();
    }
  }

  @Test
  void processesIgnoringSigtermGetSigkillAfterTheGracePeriod() throws Exception {
    RecordingContext context =
        new RecordingContext(runDir.resolve("grandchild.pid"), new LeaseLostException(JOB));
    long started = System.nanoTime();

    assertThatThrownBy(() -> run(FakeTrainers.sh("spawner.sh", "ignore-term"), context))
        .isInstanceOf(LeaseLostException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(GRACE);
    assertThat(alive(awaitPid(runDir.resolve("shell.pid")))).isFalse();
    assertThat(alive(awaitPid(runDir.resolve("grandchild.pid")))).isFalse();
  }

  @Test
  void aTrainerStillRunningAtItsDeadlineIsKilled() throws Exception {
    Instant deadline = Instant.now().plusMillis(800);
    assertThatThrownBy(
            () ->
                process.run(
                    runDir,
                    spec,
                    FakeTrainers.sh("spawner.sh"),
                    Duration.ofSeconds(30),
                    deadline,
                    new RecordingContext()))
        .isInstanceOf(TrainerFailedException.class)
        .hasMessage(
            "trainer still running at its deadline " + deadline + " (the job timeout); killed");
    assertThat(alive(awaitPid(runDir.resolve("grandchild.pid")))).isFalse();
  }
}
