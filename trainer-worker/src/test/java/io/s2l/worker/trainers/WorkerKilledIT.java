package io.s2l.worker.trainers;

import static io.s2l.worker.trainers.FakeTrainers.alive;
import static io.s2l.worker.trainers.FakeTrainers.awaitPid;
import static io.s2l.worker.trainers.FakeTrainers.ends;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed outright (kill -9) takes its trainer with it through the parent-death signal; the
 * process the trainer started lives on in its group until the orphan reaper of the next worker on
 * the machine kills it (docs/trainer-contract.md section 5).
 */
class WorkerKilledIT {

  @TempDir Path dir;

  @Test
  void theTrainerDiesWithItsWorkerAndTheReaperKillsWhatItLeft() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("run"));
    Files.writeString(runDir.resolve("spec.json"), "{}");
    Path pidDir = dir.resolve("local");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TrainerProcessMain.class.getName());
    command.add(runDir.toString());
    command.add(pidDir.toString());
    command.addAll(FakeTrainers.sh("spawner.sh"));
    Process worker =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("worker.log").toFile())
            .start();
    long grandchild = -1;
    try {
      long trainer = awaitPid(runDir.resolve("shell.pid"));
      grandchild = awaitPid(runDir.resolve("grandchild.pid"));
      assertThat(ProcStat.of(trainer).orElseThrow().ppid()).isEqualTo(worker.pid());
      assertThat(ProcStat.of(grandchild).orElseThrow().group()).isEqualTo(trainer);
      for (int i = 0; i < 500 && PidFile.list(pidDir).isEmpty(); i++) {
        Thread.sleep(20); // written just after the trainer started
      }
      assertThat(PidFile.list(pidDir)).hasSize(1);
      // while the worker lives, its trainer is not an orphan
      assertThat(new OrphanReaper(pidDir, Duration.ofSeconds(1)).reap()).isZero();
      assertThat(alive(trainer)).isTrue();

      worker.destroyForcibly().waitFor();

      assertThat(ends(trainer, Duration.ofSeconds(10)))
          .as("trainer killed by its parent-death signal")
          .isTrue();
      assertThat(alive(grandchild)).as("its child outlives it").isTrue();
      assertThat(new OrphanReaper(pidDir, Duration.ofSeconds(1)).reap()).isEqualTo(1);
      assertThat(ends(grandchild, Duration.ofSeconds(5))).as("reaped").isTrue();
      assertThat(PidFile.list(pidDir)).isEmpty();
    } finally {
      worker.destroyForcibly();
      ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
