package io.s2l.launcher.demo;

import io.s2l.api.study.StudyProgress;
import io.s2l.api.study.StudyView;
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

  /** Shows a study's status and progress, {@code elapsed} since it was submitted. */
  public void show(StudyView study, Duration elapsed) {
    StudyProgress p = study.progress();
    String shown =
        p.featuresTotal() != null
            ? study.status() + " features " + number(p.featuresDone()) + "/" + p.featuresTotal()
            : study.status();
    update(shown, p.jobsDone(), p.jobsTotal(), p.jobsRunning(), p.fraction(), elapsed);
  }

  /** As the progress line always showed a missing count: 0. */
  private static int number(Integer value) {
    return value == null ? 0 : value;
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

  /** Ends the line a terminal redraws in place. */
  public void finish() {
    if (interactive) {
      out.println();
    }
  }

  public static String clock(Duration d) {
    return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
