package io.s2l.worker.trainers;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a worker records, in its machine-local directory, about a trainer it runs: the trainer's
 * pid, start instant and process group, and the worker's own pid and start instant, so that a later
 * worker on the machine can tell whether the owner died and whether the pid still names the same
 * process.
 *
 * @param group the trainer's process group; 0 when it has none of its own
 */
record PidFile(
    long workerPid, Instant workerStart, long pid, Instant start, long group, String runDir) {

  private static final String SUFFIX = ".pid";

  /** Writes {@code trainer-<worker pid>-<pid>.pid} atomically into {@code dir}. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Properties p = new Properties();
    p.setProperty("workerPid", Long.toString(workerPid));
    p.setProperty("workerStart", workerStart.toString());
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("start", start.toString());
    p.setProperty("group", Long.toString(group));
    p.setProperty("runDir", runDir);
    StringWriter text = new StringWriter();
    p.store(text, "an external trainer run by a trainer worker");
    Path file = dir.resolve("trainer-" + workerPid + "-" + pid + SUFFIX);
    Path temporary = dir.resolve(file.getFileName() + ".tmp");
    Files.writeString(temporary, text.toString());
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  static PidFile read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    try {
      return new PidFile(
          Long.parseLong(p.getProperty("workerPid")),
          Instant.parse(p.getProperty("workerStart")),
          Long.parseLong(p.getProperty("pid")),
          Instant.parse(p.getProperty("start")),
          Long.parseLong(p.getProperty("group")),
          p.getProperty("runDir", ""));
    } catch (RuntimeException e) {
      throw new IOException("malformed pid file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The pid files in {@code dir}; none when it does not exist. */
  static List<Path> list(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "trainer-*" + SUFFIX)) {
      found.forEach(files::add);
    }
    return files;
  }

  /** The running process {@code pid} if it is still the one that started at {@code start}. */
  static java.util.Optional<ProcessHandle> same(long pid, Instant start) {
    return ProcessHandle.of(pid)
        .filter(h -> h.info().startInstant().map(start::equals).orElse(false))
        .filter(h -> ProcStat.of(pid).map(ProcStat::alive).orElse(!ProcStat.available()));
  }
}
