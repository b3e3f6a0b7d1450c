package io.s2l.worker.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills what external trainers of a dead worker left running (docs/trainer-contract.md section 5).
 * A worker killed outright (kill -9, out of memory) cannot kill its trainer: the trainer dies of
 * its parent-death signal, but processes it started live on in its process group. At start, a
 * worker reads the pid files in its machine-local directory; for each one whose worker is gone it
 * kills the trainer's group and descendants, then deletes the file. Files of live workers sharing
 * the directory are left alone.
 *
 * <p>Linux only: process groups are read from {@code /proc}. Elsewhere only a trainer still alive
 * (same pid, same start instant) is killed, with its descendants.
 */
public final class OrphanReaper {

  private static final Logger log = LoggerFactory.getLogger(OrphanReaper.class);

  private final Path pidDir;
  private final Duration grace;

  public OrphanReaper(Path pidDir, Duration grace) {
    this.pidDir = pidDir;
    this.grace = grace;
  }

  /** Reaps every orphaned trainer; returns how many pid files it handled. */
  public int reap() throws IOException {
    int reaped = 0;
    for (Path file : PidFile.list(pidDir)) {
      PidFile pid;
      try {
        pid = PidFile.read(file);
      } catch (IOException e) {
        log.warn("deleting unreadable pid file {}: {}", file, e.getMessage());
        Files.deleteIfExists(file);
        continue;
      }
      if (PidFile.same(pid.workerPid(), pid.workerStart()).isPresent()) {
        continue; // its worker is alive and watches it
      }
      reap(pid);
      Files.deleteIfExists(file);
      reaped++;
    }
    return reaped;
  }

  private void reap(PidFile pid) {
    Optional<ProcessHandle> holder = ProcessHandle.of(pid.pid());
    if (holder.isPresent()
        && !holder.get().info().startInstant().map(pid.start()::equals).orElse(false)) {
      // The pid names another process now. A pid is not reused while a process group of that
      // id has members, so the trainer's group is gone: nothing of it is left.
      return;
    }
    ProcessTree tree =
        new ProcessTree(PidFile.same(pid.pid(), pid.start()).orElse(null), pid.group());
    if (!tree.alive().isEmpty()) {
      log.warn(
          "killing processes {} left by trainer pid {} of a dead worker ({})",
          tree.alive().stream().map(ProcessHandle::pid).toList(),
          pid.pid(),
          pid.runDir());
      tree.kill(grace);
    }
  }
}
