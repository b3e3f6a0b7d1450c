package io.s2l.worker.trainers;

import io.s2l.trainer.contract.ContractViolation;
import io.s2l.trainer.contract.LineLimitReader;
import io.s2l.trainer.contract.ProgressLine;
import io.s2l.trainer.contract.ProgressParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a trainer's standard output on a thread of its own, line by line through the contract's
 * {@link ProgressParser}: the latest progress, when the last line came, and the first line that
 * broke the contract (after which it stops reading; the trainer is then killed).
 */
final class StdoutPump implements Runnable {

  /** A progress line is a few dozen characters. */
  static final int MAX_LINE = 4096;

  private final InputStream stdout;
  private final ProgressParser parser = new ProgressParser();
  private volatile long lastLineNanos = System.nanoTime();
  private volatile ProgressLine latest;
  private volatile ContractViolation violation;

  StdoutPump(InputStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public void run() {
    try (BufferedReader lines =
        new BufferedReader(
            new LineLimitReader(new InputStreamReader(stdout, StandardCharsets.UTF_8), MAX_LINE))) {
      String line;
      while ((line = lines.readLine()) != null) {
        lastLineNanos = System.nanoTime();
        latest = parser.parse(line);
      }
    } catch (ContractViolation e) {
      violation = e;
    } catch (LineLimitReader.LineTooLongException e) {
      violation =
          new ContractViolation(
              "stdout line " + e.line() + " is longer than " + MAX_LINE + " characters");
    } catch (IOException e) {
      // the pipe closed under us: the trainer was killed, or exited
    }
  }

  /** Nanos ({@link System#nanoTime}) of the last line, or of the start before any. */
  long lastLineNanos() {
    return lastLineNanos;
  }

  /** The latest progress line; null before the first. */
  ProgressLine latest() {
    return latest;
  }

  /** The first line that was not a progress object; null while there is none. */
  ContractViolation violation() {
    return violation;
  }
}
