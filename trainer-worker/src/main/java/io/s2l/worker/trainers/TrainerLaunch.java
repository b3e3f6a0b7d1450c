package io.s2l.worker.trainers;

import io.s2l.trainer.contract.Contract;
import io.s2l.worker.config.WorkerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a trainer is started (docs/trainer-contract.md section 1): {@code command... spec.json} in
 * its run directory, with a clean environment, standard error appended to {@code trainer.log}, and
 * on Linux in a process group of its own with a parent-death signal ({@code setsid setpriv
 * --pdeathsig KILL}). Neither program forks: the trainer keeps the pid Java started, and its
 * process group is that pid.
 */
final class TrainerLaunch {

  private static final Logger log = LoggerFactory.getLogger(TrainerLaunch.class);

  /** The trainer's PATH, whatever the worker's. */
  static final String PATH = "/usr/local/bin:/usr/bin:/bin";

  private final List<String> isolation;
  private final String cudaVisibleDevices;
  private final int cpuThreads;

  /**
   * @param cpuThreads the worker's CPU thread budget for its job, passed as {@code
   *     OMP_NUM_THREADS}; 0 passes nothing
   */
  TrainerLaunch(WorkerProperties.TrainerProcessSettings settings, int cpuThreads) {
    this.isolation = settings.ownProcessGroup() ? isolation() : List.of();
    this.cudaVisibleDevices = settings.cudaVisibleDevices();
    this.cpuThreads = cpuThreads;
  }

  /** Whether trainers get a process group of their own (and die with the worker). */
  boolean ownProcessGroup() {
    return !isolation.isEmpty();
  }

  ProcessBuilder builder(Path runDir, Path specFile, List<String> command) throws IOException {
    List<String> line = new ArrayList<>(isolation);
    line.addAll(command);
    line.add(specFile.toString());
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(runDir.toFile())
            .redirectError(
                ProcessBuilder.Redirect.appendTo(runDir.resolve(Contract.LOG_FILE).toFile()));
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", PATH);
    env.put("HOME", Files.createDirectories(runDir.resolve("home")).toString());
    env.put("TMPDIR", Files.createDirectories(runDir.resolve("tmp")).toString());
    env.put("LANG", "C.UTF-8");
    env.put(Contract.SPEC_ENV, specFile.toString());
    if (cudaVisibleDevices != null && !cudaVisibleDevices.isBlank()) {
      env.put("CUDA_VISIBLE_DEVICES", cudaVisibleDevices);
    }
    if (cpuThreads > 0) {
      // Several workers share a machine: a trainer uses the worker's threads, not every core.
      env.put("OMP_NUM_THREADS", Integer.toString(cpuThreads));
    }
    return builder;
  }

  /** {@code setsid setpriv --pdeathsig KILL --} when both exist on Linux; otherwise nothing. */
  private static List<String> isolation() {
    Optional<Path> setsid = find("setsid");
    Optional<Path> setpriv = find("setpriv");
    if (setsid.isPresent() && setpriv.isPresent() && ProcStat.available()) {
      return List.of(
          setsid.get().toString(), setpriv.get().toString(), "--pdeathsig", "KILL", "--");
    }
    log.warn(
        "setsid and setpriv (util-linux) not found: external trainers run without a process"
            + " group of their own and do not die with the worker");
    return List.of();
  }

  private static Optional<Path> find(String program) {
    for (String dir : PATH.split(":")) {
      Path path = Path.of(dir, program);
      if (Files.isExecutable(path)) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }
}
