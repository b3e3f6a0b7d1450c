package io.s2l.worker.trainers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process as {@code /proc/<pid>/stat} describes it (Linux only): its state, parent, process group
 * and session. Java's {@link ProcessHandle} knows neither groups nor zombies, both of which killing
 * a trainer's tree needs.
 */
record ProcStat(long pid, char state, long ppid, long group, long session) {

  private static final Path PROC = Path.of("/proc");

  /** Whether this system has {@code /proc/<pid>/stat} (Linux). */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self/stat"));
  }

  /** The process, or empty when there is none (or no {@code /proc}). */
  static Optional<ProcStat> of(long pid) {
    try {
      return Optional.of(parse(pid, Files.readString(PROC.resolve(pid + "/stat"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Every process of the system. */
  static List<ProcStat> all() {
    List<ProcStat> all = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        of(Long.parseLong(dir.getFileName().toString())).ifPresent(all::add);
      }
    } catch (IOException | NumberFormatException e) {
      return all;
    }
    return all;
  }

  /** Running or sleeping: not a zombie waiting to be reaped, not dead. */
  boolean alive() {
    return state != 'Z' && state != 'X' && state != 'x';
  }

  /** {@code pid (comm) state ppid pgrp session ...}; comm may hold spaces and parentheses. */
  static ProcStat parse(long pid, String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return new ProcStat(
        pid,
        fields[0].charAt(0),
        Long.parseLong(fields[1]),
        Long.parseLong(fields[2]),
        Long.parseLong(fields[3]));
  }
}
