package io.s2l.worker.trainers;

import io.s2l.queue.JobContext;
import io.s2l.trainer.contract.Contract;
import io.s2l.trainer.contract.ContractViolation;
import io.s2l.trainer.contract.ProgressLine;
import io.s2l.worker.config.WorkerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one external trainer as a child process and watches it (docs/trainer-contract.md sections 3
 * to 5): its progress lines become the job's progress (up to {@link #TRAINING_SHARE}); a line that
 * is not progress, silence longer than the trainer's {@code silenceSeconds}, the deadline, a lost
 * lease, a cancelled study or a stopping worker kill its whole tree ({@link ProcessTree}: SIGTERM,
 * the grace period, SIGKILL) and end the attempt with the cause. While it runs, a pid file in the
 * worker's local directory lets {@link OrphanReaper} find it if the worker dies.
 *
 * <p>The trainer is started from, and watched on, the calling (job) thread: on Linux the
 * parent-death signal fires when the thread that started the process ends.
 */
public final class TrainerProcess {

  private static final Logger log = LoggerFactory.getLogger(TrainerProcess.class);

  /** Progress reported while training; validating and storing the run take the rest. */
  static final double TRAINING_SHARE = 0.95;

  private static final ProcessHandle WORKER = ProcessHandle.current();
  private static final Instant WORKER_START = WORKER.info().startInstant().orElse(Instant.EPOCH);

  private final WorkerProperties.TrainerProcessSettings settings;
  private final TrainerLaunch launch;
  private final Path pidDir;

  /**
   * @param pidDir the worker's machine-local directory for pid files
   */
  public TrainerProcess(WorkerProperties.TrainerProcessSettings settings, Path pidDir) {
    this(settings, pidDir, 0);
  }

  /**
   * @param cpuThreads the CPU threads a trainer may use, passed as {@code OMP_NUM_THREADS} (which
   *     PyTorch and the BLAS libraries read); 0 passes nothing
   */
  public TrainerProcess(
      WorkerProperties.TrainerProcessSettings settings, Path pidDir, int cpuThreads) {
    this.settings = settings;
    this.launch = new TrainerLaunch(settings, cpuThreads);
    this.pidDir = pidDir;
  }

  /**
   * What a trainer that exited with code 0 left besides its files.
   *
   * @param seconds from start to exit
   * @param peakRssBytes peak resident memory of the trainer's own process (VmHWM, sampled at every
   *     poll); 0 where unknown
   * @param lastProgress its last progress line, or null
   */
  public record Outcome(double seconds, long peakRssBytes, ProgressLine lastProgress) {}

  /**
   * Runs {@code command specFile} in {@code runDir} until it exits.
   *
   * @throws ContractViolation a stdout line was not a progress object
   * @throws TrainerFailedException it exited with another code than 0, stayed silent too long or
   *     ran into its deadline
   * @throws RuntimeException what {@link JobContext#checkLease()} threw (lost lease, cancelled
   *     study, job timeout, stopping worker), after the tree was killed
   */
  public Outcome run(
      Path runDir,
      Path specFile,
      List<String> command,
      Duration silence,
      Instant deadline,
      JobContext context)
      throws ContractViolation, IOException, InterruptedException {
    long started = System.nanoTime();
    Process process = launch.builder(runDir, specFile, command).start();
    process.getOutputStream().close();
    long group = launch.ownProcessGroup() ? process.pid() : 0;
    ProcessTree tree = new ProcessTree(process.toHandle(), group);
    Path pidFile = pidFile(process, group, runDir).write(pidDir);
    StdoutPump pump = new StdoutPump(process.getInputStream());
    Thread reader = new Thread(pump, "trainer-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    log.info("trainer {} started as pid {} in {}", command, process.pid(), runDir);
    long peak = 0;
    try {
      while (!process.waitFor(settings.poll().toMillis(), TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, peakResident(process.pid()));
        check(pump, silence, deadline);
        context.checkLease();
        ProgressLine progress = pump.latest();
        if (progress != null && progress.fraction() != null) {
          context.progress(TRAINING_SHARE * progress.fraction());
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      tree.kill(settings.grace()); // whatever it left running
      reader.join(settings.grace().toMillis());
      if (pump.violation() != null) {
        throw pump.violation();
      }
      if (process.exitValue() != 0) {
        throw new TrainerFailedException(exitReason(process.exitValue(), runDir));
      }
      return new Outcome(seconds, peak, pump.latest());
    } finally {
      if (process.isAlive() || !tree.alive().isEmpty()) {
        log.info("killing trainer pid {} and its processes", process.pid());
        tree.kill(settings.grace());
      }
      process.getInputStream().close();
      Files.deleteIfExists(pidFile);
    }
  }

  private static void check(StdoutPump pump, Duration silence, Instant deadline)
      throws ContractViolation {
    if (pump.violation() != null) {
      throw pump.violation();
    }
    long silent = System.nanoTime() - pump.lastLineNanos();
    if (silent > silence.toNanos()) {
      throw new TrainerFailedException(
          "trainer silent for "
              + TimeUnit.NANOSECONDS.toSeconds(silent)
              + " s: no progress line on stdout within its silenceSeconds ("
              + silence.toSeconds()
              + "); killed as hung");
    }
    if (!Instant.now().isBefore(deadline)) {
      throw new TrainerFailedException(
          "trainer still running at its deadline " + deadline + " (the job timeout); killed");
    }
  }

  static String exitReason(int code, Path runDir) {
    String how =
        code > 128 && code <= 128 + 64
            ? "exited with code " + code + " (signal " + (code - 128) + ")"
            : "exited with code " + code;
    String tail = LogTail.of(runDir.resolve(Contract.LOG_FILE));
    return "trainer "
        + how
        + (tail.isEmpty() ? "; trainer.log is empty" : "; trainer.log ends with:\n" + tail);
  }

  private static PidFile pidFile(Process process, long group, Path runDir) {
    return new PidFile(
        WORKER.pid(),
        WORKER_START,
        process.pid(),
        process.toHandle().info().startInstant().orElse(Instant.EPOCH),
        group,
        runDir.toString());
  }

  /** VmHWM of {@code /proc/<pid>/status} in bytes; 0 where unknown. */
  private static long peakResident(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
