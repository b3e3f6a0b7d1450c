package io.s2l.launcher.demo;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar. On a terminal it redraws in place; otherwise (logs, CI) it prints a line
 * whenever the state or a tenth of the work changes.
 */
public final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean interactive;
  private String lastPrinted = "";
  private int lastTenth = -1;

  public ProgressBar(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  void update(String status, int done, int total, int running, double fraction, Duration elapsed) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    String line =
        String.format(
            "[%s%s] %3.0f%%  %d/%d models trained, %d training  %-9s %s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            100 * fraction,
            done,
            total,
            running,
            status,
            clock(elapsed));
    if (interactive) {
      out.print("\r" + line);
      out.flush();
      return;
    }
    int tenth = (int) (fraction * 10);
    String state = status + "/" + tenth;
    if (!state.equals(lastPrinted) || tenth != lastTenth) {
      out.println(line);
      lastPrinted = state;
      lastTenth = tenth;
    }
  }

  void finish() {
    if (interactive) {
      out.println();
    }
  }

  public static String clock(Duration d) {
    return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
