package io.s2l.analysis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.attribution.FeatureFile;
import io.s2l.attribution.Lasso;
import io.s2l.attribution.Lds;
import io.s2l.attribution.LinearDatamodelScore;
import io.s2l.attribution.ModelFeatures;
import io.s2l.attribution.Scores;
import io.s2l.attribution.Trak;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.ImageSet;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import io.s2l.study.JobKinds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an attribution study's analysis (docs/science.md section 3): TRAK scores at every scale from
 * the projected features of its M pool models; where the study has ground-truth subsets, the LDS of
 * each against the reference models trained on them (bootstrap CI over targets) and optionally a
 * LASSO datamodel fitted on half of the subset runs and scored on the other half; order similarity
 * between scales. A selection study also selects data with every scale's scores (DsDm, section 4)
 * and queues the reference models that verify the selections. The result, every scale's scores and
 * those jobs are stored with the job's completion, in one transaction.
 */
@Component
public class AttributionJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(AttributionJobHandler.class);
  private static final long BOOTSTRAP_SEED = 20240527L;
  private static final int LASSO_FOLDS = 5;

  private final ObjectMapper json;
  private final AttributionInputs inputs;
  private final AttributionStore store;

  AttributionJobHandler(ObjectMapper json, AttributionInputs inputs, AttributionStore store) {
    this.json = json;
    this.inputs = inputs;
    this.store = store;
  }

  @Override
  public String kind() {
    return JobKinds.ATTRIBUTE;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    AttributionJobSpec spec = json.readValue(job.payloadJson(), AttributionJobSpec.class);
    ImageSet images = BuiltinImages.load(spec.dataset());
    int pool = images.trainIds().size();
    TargetTask task = TargetTask.of(spec, images);
    GroundTruth truth =
        spec.groundTruthRuns().isEmpty()
            ? null
            : inputs.groundTruth(spec.studyId(), spec.groundTruthRuns(), images.trainIds());
    double[][] outputs = truth == null ? null : truth.outputsOn(task.testIndices());
    List<ScaleAttribution> scales = new ArrayList<>();
    Map<String, double[]> poolMargins = new HashMap<>();
    for (String scale : spec.scales()) {
      scales.add(scale(spec, scale, pool, task, truth, outputs, poolMargins));
      context.progress(0.9 * scales.size() / spec.scales().size());
      context.checkLease();
    }
    LassoCheck lasso =
        truth != null && spec.settings().lassoOrDefault() ? lasso(truth, outputs) : null;
    List<SelectionCandidate> selections = List.of();
    List<NewJob> verification = List.of();
    if (spec.selection() != null) {
      ScaleAttribution reference = reference(spec, scales);
      selections =
          SelectionPlanner.plan(
              spec.selection(), images, task, scales, poolMargins, reference.trainingFlops());
      verification =
          VerificationJobs.of(
              spec.studyId(),
              inputs.trainingJob(spec.studyId(), spec.poolRuns(spec.referenceScale()).get(0)),
              selections,
              spec.seeds(),
              images.trainIds(),
              json);
    }
    AttributionResult document =
        AttributionDocument.of(spec, pool, task, truth, scales, lasso, selections);
    int version = store.storeAndComplete(spec, document, scales, verification, job);
    log.info(
        "study {}: attribution version {} stored ({} scales, {} targets x {} pool examples, {}"
            + " verification models queued)",
        spec.studyId(),
        version,
        scales.size(),
        task.size(),
        pool,
        verification.size());
  }

  private ScaleAttribution scale(
      AttributionJobSpec spec,
      String scale,
      int pool,
      TargetTask task,
      GroundTruth truth,
      double[][] outputs,
      Map<String, double[]> poolMargins)
      throws IOException {
    AttributionSpec settings = spec.settings();
    long started = System.nanoTime();
    List<ModelFeatures> models = new ArrayList<>();
    List<FeatureFile> open = new ArrayList<>();
    double flops = 0;
    double[] margins = new double[task.size()];
    Scores scores;
    try {
      for (String run : spec.poolRuns(scale)) {
        models.add(features(spec, run, pool, task, open));
        flops += inputs.flops(spec.studyId(), run);
        float[] m = inputs.margins(spec.studyId(), run);
        for (int r = 0; r < margins.length; r++) {
          margins[r] += m[task.testIndices()[r]] / (double) settings.modelsPerScale();
        }
      }
      scores =
          Trak.score(
              models,
              settings.lambdaOrDefault(),
              settings.useQOrDefault(),
              Trak.DEFAULT_CHUNK_ROWS);
    } finally {
      for (FeatureFile f : open) {
        f.close();
      }
    }
    poolMargins.put(scale, margins);
    Lds lds =
        truth == null
            ? null
            : LinearDatamodelScore.evaluate(scores, truth.subsets(), outputs, BOOTSTRAP_SEED);
    return new ScaleAttribution(
        scale, scores, lds, flops / models.size(), (System.nanoTime() - started) / 1e9);
  }

  private ModelFeatures features(
      AttributionJobSpec spec, String run, int pool, TargetTask task, List<FeatureFile> open)
      throws IOException {
    AttributionSpec settings = spec.settings();
    AttributionInputs.FeatureFiles files =
        inputs.features(
            spec.studyId(), run, settings.dimension(), settings.projectionSeedOrDefault());
    FeatureFile train = FeatureFile.open(files.train(), settings.dimension());
    open.add(train);
    FeatureFile test = FeatureFile.open(files.test(), settings.dimension());
    open.add(test);
    if (train.rows() != pool) {
      throw new IllegalStateException(
          "features of " + run + " have " + train.rows() + " rows; the pool has " + pool);
    }
    float[] q = TrakQ.fromMarginsFile(files.trainMargins(), pool);
    return new ModelFeatures(train, new GatheredRows(test, task.testIndices()), q);
  }

  private static ScaleAttribution reference(AttributionJobSpec spec, List<ScaleAttribution> all) {
    return all.stream()
        .filter(s -> s.scale().equals(spec.referenceScale()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the reference scale has no scores"));
  }

  /**
   * A LASSO datamodel per target, fitted on the first half of the subsets (cross-validated lambda)
   * and scored by LDS on the second half, which it never saw.
   */
  private static LassoCheck lasso(GroundTruth truth, double[][] outputs) {
    int m = truth.count();
    int fit = m / 2;
    if (fit < LASSO_FOLDS || m - fit < 3) {
      throw new IllegalArgumentException(
          "a LASSO datamodel needs at least "
              + 2 * LASSO_FOLDS
              + " ground-truth subsets; got "
              + m);
    }
    boolean[][] fitSubsets = Arrays.copyOfRange(truth.subsets(), 0, fit);
    double[][] fitOutputs = Arrays.copyOfRange(outputs, 0, fit);
    Scores weights = Lasso.datamodels(fitSubsets, fitOutputs, LASSO_FOLDS, BOOTSTRAP_SEED);
    Lds lds =
        LinearDatamodelScore.evaluate(
            weights,
            Arrays.copyOfRange(truth.subsets(), fit, m),
            Arrays.copyOfRange(outputs, fit, m),
            BOOTSTRAP_SEED);
    return new LassoCheck(fit, m - fit, lds);
  }

  /** The LASSO datamodel's LDS: fitted on {@code fitted} subsets, scored on {@code heldOut}. */
  record LassoCheck(int fitted, int heldOut, Lds lds) {}
}
