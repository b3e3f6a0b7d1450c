package io.s2l.launcher.demo;

import io.s2l.api.correlation.CorrelationEntry;
import io.s2l.api.correlation.NoiseCeilingSummary;
import io.s2l.api.correlation.ScaleCorrelationResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per evaluation set, the reference's noise ceiling, the share of it each proxy reaches and
 * every scale's signal-to-noise ratio; nothing for a single-seed study.
 */
final class CeilingTable {

  private CeilingTable() {}

  static void print(ScaleCorrelationResult correlation, PrintStream out) {
    List<NoiseCeilingSummary> ceilings = correlation.noiseCeiling();
    if (ceilings == null || ceilings.isEmpty()) {
      return;
    }
    out.printf(
        "%nNoise ceiling (R^2 of the reference's seed halves, %d seed(s) each: what a rerun"
            + " reaches), the share of it each proxy reaches, and signal-to-noise (spread / seed"
            + " noise):%n",
        ceilings.get(0).halfSeeds());
    for (NoiseCeilingSummary c : ceilings) {
      StringBuilder reached = new StringBuilder();
      StringBuilder snr = new StringBuilder();
      for (CorrelationEntry e : correlation.entries()) {
        if (!e.evalSet().equals(c.evalSet())) {
          continue;
        }
        if (snr.isEmpty() && e.seedNoise() != null) {
          snr.append(e.referenceScale()).append(' ').append(ratio(e.seedNoise().referenceSnr()));
        }
        reached.append(reached.isEmpty() ? "" : ", ");
        reached.append(e.proxyScale()).append(' ').append(share(e.fractionOfCeiling()));
        if (e.seedNoise() != null) {
          snr.append(", ").append(e.proxyScale()).append(' ');
          snr.append(ratio(e.seedNoise().proxySnr()));
        }
      }
      out.printf(
          Locale.ROOT,
          "  %-26s R^2 %s [%s, %s]   reached: %s   SNR: %s%n",
          c.evalSet(),
          share(c.r2()),
          share(c.r2Ci95().get(0)),
          share(c.r2Ci95().get(1)),
          reached,
          snr);
    }
  }

  private static String share(Double value) {
    return Numbers.defined(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }

  private static String ratio(Double value) {
    return Numbers.defined(value) ? String.format(Locale.ROOT, "%.1f", value) : "n/a";
  }
}
