package io.s2l.analysis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.TargetDocuments;
import io.s2l.attribution.FeatureFile;
import io.s2l.attribution.Lasso;
import io.s2l.attribution.Lds;
import io.s2l.attribution.LinearDatamodelScore;
import io.s2l.attribution.ModelFeatures;
import io.s2l.attribution.Scores;
import io.s2l.attribution.Trak;
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
 * the projected features of its M pool models, each at its C checkpoints (every checkpoint one more
 * model of the ensemble, streamed); where the study has ground-truth subsets, the LDS of each
 * against the reference models trained on them (bootstrap CI over targets, and the paired
 * difference to the reference's) and optionally a LASSO datamodel fitted on half of the subset runs
 * and scored, as TRAK is then too, on the other half; order similarity between scales. A selection
 * study also selects data with every scale's scores at every selection size (DsDm, section 4) and
 * queues the reference models that verify the selections. The result, every scale's scores and
 * those jobs are stored with the job's completion, in one transaction.
 *
 * <p>Image and text studies differ only in their {@link AttributionData}: an image set's training
 * and test splits, or a text study's pool documents and target set.
 */
@Component
public class AttributionJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(AttributionJobHandler.class);
  static final long BOOTSTRAP_SEED = 20240527L;
  private static final int LASSO_FOLDS = 5;

  private final ObjectMapper json;
  private final AttributionInputs inputs;
  private final AttributionDataSource data;
  private final AttributionStore store;

  AttributionJobHandler(
      ObjectMapper json,
      AttributionInputs inputs,
      AttributionDataSource data,
      AttributionStore store) {
    this.json = json;
    this.inputs = inputs;
    this.data = data;
    this.store = store;
  }

  @Override
  public String kind() {
    return JobKinds.ATTRIBUTE;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    AttributionJobSpec spec = json.readValue(job.payloadJson(), AttributionJobSpec.class);
    String poolRun = spec.poolRuns(spec.referenceScale()).get(0);
    AttributionData d =
        data.of(spec.studyId(), spec.dataset(), spec.settings().targetSet(), poolRun);
    int pool = d.poolSize();
    TargetTask task = d.task(spec);
    GroundTruth truth =
        spec.groundTruthRuns().isEmpty()
            ? null
            : inputs.groundTruth(spec.studyId(), spec.groundTruthRuns(), d.poolIds(), d.evalSet());
    double[][] outputs = truth == null ? null : truth.outputsOn(task.testIndices());
    boolean lassoCheck = truth != null && spec.settings().lassoOrDefault();
    int fit = lassoCheck ? lassoFit(truth) : 0;
    List<ScaleAttribution> scales = new ArrayList<>();
    Map<String, double[]> poolOutputs = new HashMap<>();
    for (String scale : spec.scales()) {
      scales.add(scale(spec, scale, d, task, truth, outputs, fit, poolOutputs));
      context.progress(0.9 * scales.size() / spec.scales().size());
      context.checkLease();
    }
    LassoCheck lasso = lassoCheck ? lasso(truth, outputs, fit) : null;
    List<SelectionCandidate> selections = List.of();
    List<NewJob> verification = List.of();
    if (spec.selection() != null) {
      ScaleAttribution reference = reference(spec, scales);
      selections =
          SelectionPlanner.plan(
              spec.selection(), d, task, scales, poolOutputs, reference.trainingFlops());
      verification =
          VerificationJobs.of(
              spec.studyId(),
              inputs.trainingJob(spec.studyId(), poolRun),
              d.evalSet(),
              selections,
              spec.seeds(),
              d.poolIds(),
              json);
    }
    AttributionResult document =
        AttributionDocument.of(
            spec, pool, task, truth, scales, lasso, selections, topDocuments(d, task, scales));
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

  /** For the first targets, every scale's most helpful and harmful documents; null for images. */
  private static List<TargetDocuments> topDocuments(
      AttributionData d, TargetTask task, List<ScaleAttribution> scales) {
    if (d.targetSet() == null) {
      return null;
    }
    List<TargetDocuments> top = new ArrayList<>();
    for (int row = 0; row < Math.min(AttributionResult.TOP_TARGETS, task.size()); row++) {
      for (ScaleAttribution s : scales) {
        top.add(
            d.documents(
                s.scale(),
                s.scores(),
                row,
                task.testIndices()[row],
                AttributionResult.TOP_DOCUMENTS));
      }
    }
    return top;
  }

  private ScaleAttribution scale(
      AttributionJobSpec spec,
      String scale,
      AttributionData d,
      TargetTask task,
      GroundTruth truth,
      double[][] outputs,
      int fit,
      Map<String, double[]> poolOutputs)
      throws IOException {
    AttributionSpec settings = spec.settings();
    long started = System.nanoTime();
    List<ModelFeatures> models = new ArrayList<>();
    List<FeatureFile> open = new ArrayList<>();
    double flops = 0;
    double[] mean = new double[task.size()];
    Scores scores;
    try {
      for (String run : spec.poolRuns(scale)) {
        for (int checkpoint = 0; checkpoint < settings.checkpointsOrDefault(); checkpoint++) {
          models.add(features(spec, run, checkpoint, d.poolSize(), task, open));
        }
        flops += inputs.flops(spec.studyId(), run);
        float[] m = inputs.margins(spec.studyId(), run, d.evalSet());
        for (int r = 0; r < mean.length; r++) {
          mean[r] += m[task.testIndices()[r]] / (double) settings.modelsPerScale();
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
    poolOutputs.put(scale, mean);
    Lds lds =
        truth == null
            ? null
            : LinearDatamodelScore.evaluate(scores, truth.subsets(), outputs, BOOTSTRAP_SEED);
    Lds heldOut =
        fit == 0
            ? null
            : LinearDatamodelScore.evaluate(
                scores,
                Arrays.copyOfRange(truth.subsets(), fit, truth.count()),
                Arrays.copyOfRange(outputs, fit, truth.count()),
                BOOTSTRAP_SEED);
    int modelCount = settings.modelsPerScale();
    return new ScaleAttribution(
        scale, scores, lds, flops / modelCount, (System.nanoTime() - started) / 1e9, heldOut);
  }

  private ModelFeatures features(
      AttributionJobSpec spec,
      String run,
      int checkpoint,
      int pool,
      TargetTask task,
      List<FeatureFile> open)
      throws IOException {
    AttributionSpec settings = spec.settings();
    AttributionInputs.FeatureFiles files =
        inputs.features(
            spec.studyId(),
            run,
            settings.dimension(),
            settings.projectionSeedOrDefault(),
            checkpoint);
    FeatureFile train = FeatureFile.open(files.train(), settings.dimension());
    open.add(train);
    FeatureFile test = FeatureFile.open(files.test(), settings.dimension());
    open.add(test);
    if (train.rows() != pool) {
      throw new IllegalStateException(
          "features of " + run + " have " + train.rows() + " rows; the pool has " + pool);
    }
    float[] q = settings.useQOrDefault() ? TrakQ.fromMarginsFile(files.trainMargins(), pool) : null;
    return new ModelFeatures(train, new GatheredRows(test, task.testIndices()), q);
  }

  private static ScaleAttribution reference(AttributionJobSpec spec, List<ScaleAttribution> all) {
    return all.stream()
        .filter(s -> s.scale().equals(spec.referenceScale()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the reference scale has no scores"));
  }

  /** How many subsets the LASSO is fitted on: the first half; the rest are held out. */
  private static int lassoFit(GroundTruth truth) {
    int m = truth.count();
    int fit = m / 2;
    if (fit < LASSO_FOLDS || m - fit < 3) {
      throw new IllegalArgumentException(
          "a LASSO datamodel needs at least "
              + 2 * LASSO_FOLDS
              + " ground-truth subsets; got "
              + m);
    }
    return fit;
  }

  /**
   * A LASSO datamodel per target, fitted on the first {@code fit} subsets (cross-validated lambda)
   * and scored by LDS on the rest, which it never saw.
   */
  private static LassoCheck lasso(GroundTruth truth, double[][] outputs, int fit) {
    int m = truth.count();
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
