package io.s2l.analysis.attribution;

import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.AttributionSettings;
import io.s2l.api.attribution.GroundTruthSize;
import io.s2l.api.attribution.OrderSimilarity;
import io.s2l.api.attribution.ScaleLds;
import io.s2l.api.attribution.SelectionPlan;
import io.s2l.api.attribution.TargetDocuments;
import io.s2l.attribution.Lds;
import io.s2l.attribution.PairedLds;
import io.s2l.stats.Interval;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stored and served form of an attribution analysis: per scale the LDS (with its bootstrap CI;
 * null without ground truth), the compute ratio against the reference and the order similarity to
 * it, the paired LDS difference to the reference ({@link PairedLds}) and, with the LASSO check,
 * TRAK's LDS on the LASSO's held-out subsets with its paired difference from the LASSO's; order
 * similarity between every pair of scales; the optional LASSO check; the selections of a selection
 * study; a text study's top documents; and what it was computed from.
 */
final class AttributionDocument {

  static final String SIGN_CONVENTION =
      "DsDm keeps the examples with the highest mean TRAK score over the selection targets:"
          + " a positive score predicts a higher correct-class margin, i.e. a lower loss";

  static final String TEXT_SIGN_CONVENTION =
      "DsDm keeps the documents with the highest mean TRAK score over the selection targets:"
          + " a positive score predicts a higher output (the mean log-likelihood of an answer, or"
          + " the log-odds margin of a correct choice), i.e. a lower loss";

  private AttributionDocument() {}

  static AttributionResult of(
      AttributionJobSpec spec,
      int pool,
      TargetTask task,
      GroundTruth truth,
      List<ScaleAttribution> scales,
      AttributionJobHandler.LassoCheck lasso,
      List<SelectionCandidate> selections,
      List<TargetDocuments> topDocuments) {
    ScaleAttribution reference =
        scales.stream().filter(s -> s.scale().equals(spec.referenceScale())).findFirst().get();
    // order similarity of every pair of scales, computed once
    double[][] order = new double[scales.size()][scales.size()];
    for (int a = 0; a < scales.size(); a++) {
      order[a][a] = 1.0;
      for (int b = a + 1; b < scales.size(); b++) {
        order[a][b] =
            io.s2l.attribution.OrderSimilarity.meanSpearman(
                scales.get(a).scores(), scales.get(b).scores());
        order[b][a] = order[a][b];
      }
    }
    int ref = scales.indexOf(reference);
    List<ScaleLds> lds = new ArrayList<>();
    for (int i = 0; i < scales.size(); i++) {
      ScaleAttribution s = scales.get(i);
      PairedLds.Difference paired =
          s.lds() != null && reference.lds() != null
              ? PairedLds.of(s.lds(), reference.lds(), AttributionJobHandler.BOOTSTRAP_SEED)
              : null;
      PairedLds.Difference againstLasso =
          s.heldOutLds() != null && lasso != null
              ? PairedLds.of(s.heldOutLds(), lasso.lds(), AttributionJobHandler.BOOTSTRAP_SEED)
              : null;
      lds.add(
          new ScaleLds(
              s.scale(),
              s.lds() != null ? s.lds().mean() : null,
              s.lds() != null ? interval(s.lds()) : null,
              s.lds() != null ? s.lds().undefinedTargets() : null,
              reference.trainingFlops() / s.trainingFlops(),
              s.trainingFlops(),
              spec.settings().modelsPerScale(),
              order[i][ref],
              s.seconds(),
              spec.settings().checkpointsOrDefault(),
              paired != null ? paired.difference() : null,
              paired != null ? interval(paired.ci95()) : null,
              s.heldOutLds() != null ? s.heldOutLds().mean() : null,
              s.heldOutLds() != null ? interval(s.heldOutLds()) : null,
              againstLasso != null ? againstLasso.difference() : null,
              againstLasso != null ? interval(againstLasso.ci95()) : null));
    }
    List<OrderSimilarity> pairs = new ArrayList<>();
    for (int a = 0; a < scales.size(); a++) {
      for (int b = a + 1; b < scales.size(); b++) {
        pairs.add(new OrderSimilarity(scales.get(a).scale(), scales.get(b).scale(), order[a][b]));
      }
    }
    return new AttributionResult(
        spec.studyId(),
        spec.dataset(),
        spec.referenceScale(),
        pool,
        task.size(),
        ints(task.testIndices()),
        settings(spec.settings()),
        truth != null ? new GroundTruthSize(truth.count(), truth.models()) : null,
        lds,
        pairs,
        lasso != null
            ? new io.s2l.api.attribution.LassoCheck(
                lasso.lds().mean(), interval(lasso.lds()), lasso.fitted(), lasso.heldOut())
            : null,
        spec.selection() != null ? selection(spec, task, selections) : null,
        spec.settings().targetSet(),
        topDocuments,
        null,
        null);
  }

  private static SelectionPlan selection(
      AttributionJobSpec spec, TargetTask task, List<SelectionCandidate> selections) {
    return new SelectionPlan(
        spec.selection().allSizes().get(0),
        spec.selection().targetClasses(),
        spec.settings().targetSet() != null ? TEXT_SIGN_CONVENTION : SIGN_CONVENTION,
        ints(task.testIndicesOf(task.selectionRows())),
        ints(task.testIndicesOf(task.holdoutRows())),
        selections.stream()
            .map(
                c ->
                    new io.s2l.api.attribution.SelectionCandidate(
                        c.name(),
                        c.method(),
                        c.proxyScale(),
                        c.computeRatio(),
                        c.predictedLoss(),
                        ints(c.examples()),
                        c.size()))
            .toList(),
        spec.selection().allSizes(),
        spec.settings().targetSet());
  }

  /** The settings as the study submitted them, defaults left null. */
  private static AttributionSettings settings(AttributionSpec s) {
    return new AttributionSettings(
        s.modelsPerScale(),
        s.dimension(),
        s.projectionSeed(),
        s.lambda(),
        s.useQ(),
        s.targets(),
        s.lasso(),
        s.checkpoints(),
        s.targetSet(),
        s.poolSize(),
        s.poolSeed());
  }

  private static List<Double> interval(Lds lds) {
    return interval(lds.ci95());
  }

  private static List<Double> interval(Interval ci) {
    return Arrays.asList(ci.low(), ci.high());
  }

  private static List<Integer> ints(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
