package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.mixture.VerifiedMixture;
import io.s2l.api.selection.RandomBaseline;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.selection.VerifiedSelection;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The report's {@code selection} section and its table on the terminal: the verified selections of
 * a selection study, or the verified mixtures of a mixture study.
 */
public final class SelectionSection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SelectionSection() {}

  /** One object per verified selection, as the verification served it. */
  public static ArrayNode of(SelectionResult selection) {
    ArrayNode rows = JSON.createArrayNode();
    for (VerifiedSelection e : selection.entries()) {
      ObjectNode row =
          row(
              rows,
              e.method(),
              e.proxyScale(),
              e.computeRatio(),
              e.predictedLoss(),
              e.verifiedLoss(),
              e.randomLoss(),
              e.gainOverRandom(),
              e.ci95(),
              e.verifiedAccuracy(),
              e.randomAccuracy());
      row.put("size", e.size() != null ? e.size() : selection.size());
      row.put("holdoutTargets", selection.holdoutTargets());
      row.set("resampled", JSON.valueToTree(selection.resampled()));
    }
    return rows;
  }

  /** One object per verified mixture, as the verification served it. */
  public static ArrayNode of(MixtureVerification mixture) {
    ArrayNode rows = JSON.createArrayNode();
    for (VerifiedMixture e : mixture.entries()) {
      ObjectNode row =
          row(
              rows,
              e.method(),
              e.proxyScale(),
              e.computeRatio(),
              e.predictedLoss(),
              e.verifiedLoss(),
              e.randomLoss(),
              e.gainOverRandom(),
              e.ci95(),
              e.verifiedAccuracy(),
              e.randomAccuracy());
      row.put("target", mixture.target());
      row.set("weights", JSON.valueToTree(e.weights()));
      row.put("leaveOneOutR2", e.leaveOneOutR2());
      row.set("predictionInterval", JSON.valueToTree(e.predictionInterval()));
      row.set("resampled", JSON.valueToTree(mixture.resampled()));
    }
    return rows;
  }

  private static ObjectNode row(
      ArrayNode rows,
      String method,
      String proxyScale,
      Double computeRatio,
      Double predictedLoss,
      double verifiedLoss,
      double randomLoss,
      double gain,
      List<Double> ci95,
      Double verifiedAccuracy,
      Double randomAccuracy) {
    ObjectNode row = rows.addObject();
    row.put("method", method);
    row.put("proxyScale", proxyScale);
    row.put("computeRatio", computeRatio);
    row.put("predictedLoss", predictedLoss);
    row.put("verifiedLoss", verifiedLoss);
    row.put("randomLoss", randomLoss);
    row.put("gainOverRandom", gain);
    row.set("ci95", JSON.valueToTree(ci95));
    row.put("verifiedAccuracy", verifiedAccuracy);
    row.put("randomAccuracy", randomAccuracy);
    return row;
  }

  public static void print(SelectionResult selection, PrintStream out) {
    List<RandomBaseline> randoms =
        selection.randomBySize() != null && !selection.randomBySize().isEmpty()
            ? selection.randomBySize()
            : List.of(selection.random());
    for (RandomBaseline random : randoms) {
      int size = random.size() != null ? random.size() : selection.size();
      out.printf(
          Locale.ROOT,
          "%nSelection: %d pool examples each%s, verified by the reference on %d holdout targets"
              + " (random: %d draws, loss %.3f)%n",
          size,
          selection.targetSet() != null ? " for " + selection.targetSet() : "",
          selection.holdoutTargets(),
          random.draws(),
          random.loss());
      header(out);
      for (VerifiedSelection e : selection.entries()) {
        if (e.size() != null && e.size() != size) {
          continue;
        }
        line(
            out,
            e.method(),
            e.proxyScale(),
            e.computeRatio(),
            e.predictedLoss(),
            e.verifiedLoss(),
            e.gainOverRandom(),
            e.ci95(),
            e.verifiedAccuracy());
      }
    }
    resampled(selection.resampled(), out);
  }

  public static void print(MixtureVerification mixture, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nMixtures recommended for %s, verified by the reference on its %d examples"
            + " (random mixtures: %d, loss %.3f)%n",
        mixture.target(),
        mixture.examples(),
        mixture.random().draws(),
        mixture.random().loss());
    header(out);
    for (VerifiedMixture e : mixture.entries()) {
      line(
          out,
          e.method(),
          e.proxyScale(),
          e.computeRatio(),
          e.predictedLoss(),
          e.verifiedLoss(),
          e.gainOverRandom(),
          e.ci95(),
          e.verifiedAccuracy());
    }
    for (VerifiedMixture e : mixture.entries()) {
      if (e.predictionInterval() != null) {
        out.printf(
            Locale.ROOT,
            "  %s from %s: predicted loss %.3f, 95%% prediction interval [%.3f, %.3f]%n",
            e.method(),
            e.proxyScale(),
            e.predictedLoss(),
            e.predictionInterval().get(0),
            e.predictionInterval().get(1));
      }
    }
    resampled(mixture.resampled(), out);
  }

  /** Says what the gains' intervals resample, where the result states it. */
  private static void resampled(List<String> units, PrintStream out) {
    if (units != null) {
      out.printf(Locale.ROOT, "  95%% CI resamples: %s%n", String.join(", ", units));
    }
  }

  private static void header(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "  %-16s %-6s %9s %10s %9s %9s %19s %8s%n",
        "method",
        "proxy",
        "compute",
        "predicted",
        "verified",
        "gain",
        "95% CI",
        "accuracy");
  }

  private static void line(
      PrintStream out,
      String method,
      String proxyScale,
      Double computeRatio,
      Double predictedLoss,
      double verifiedLoss,
      double gain,
      List<Double> ci95,
      Double verifiedAccuracy) {
    boolean proxy = proxyScale != null;
    out.printf(
        Locale.ROOT,
        "  %-16s %-6s %9s %10s %9.3f %9.3f   [%6.3f, %6.3f] %8s%n",
        method,
        proxy ? proxyScale : "-",
        proxy ? String.format(Locale.ROOT, "%.1fx", Numbers.orZero(computeRatio)) : "-",
        proxy ? String.format(Locale.ROOT, "%.3f", Numbers.orZero(predictedLoss)) : "-",
        verifiedLoss,
        gain,
        ci95.get(0),
        ci95.get(1),
        verifiedAccuracy != null ? String.format(Locale.ROOT, "%.3f", verifiedAccuracy) : "-");
  }
}
