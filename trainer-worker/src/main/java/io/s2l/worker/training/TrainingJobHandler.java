package io.s2l.worker.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.lm.eval.EvalResult;
import io.s2l.lm.eval.SequenceScorer;
import io.s2l.lm.train.CheckpointPolicy;
import io.s2l.lm.train.Checkpoints;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.JobKinds;
import io.s2l.study.TrainingJobSpec;
import io.s2l.worker.config.WorkerProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs one training job: read the payload, train at the job's scale on its mixture, measure the
 * per-example loss on every evaluation set, store the run and complete the job together. Training
 * counts for 90% of the reported progress, evaluation for the rest. A job whose payload names a
 * registered trainer goes to the {@link ExternalTraining} that runs it.
 *
 * <p>A language-model job with snapshots (an attribution study's pool model) keeps them as {@code
 * checkpoint-<c>.params} beside {@code model.params} in its attempt's directory, under the run
 * directory where its resumable checkpoint lives: a retried attempt resumes there, takes over the
 * snapshots the earlier attempts wrote, and ends with every snapshot, or fails before training if
 * one it would skip is missing ({@link LmTrainer}). The evaluation stores each example's
 * attribution output o as its margin (docs/science.md section 3.1).
 */
@Component
class TrainingJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(TrainingJobHandler.class);
  private static final double TRAINING_SHARE = 0.9;

  private final ObjectMapper json;
  private final CorpusCache corpus;
  private final EvalSets evalSets;
  private final ClassifierJobs classifiers;
  private final RunStore runs;
  private final WorkerProperties properties;
  private final ObjectProvider<ExternalTraining> external;

  TrainingJobHandler(
      ObjectMapper json,
      CorpusCache corpus,
      EvalSets evalSets,
      ClassifierJobs classifiers,
      RunStore runs,
      WorkerProperties properties,
      ObjectProvider<ExternalTraining> external) {
    this.external = external;
    this.classifiers = classifiers;
    this.json = json;
    this.corpus = corpus;
    this.evalSets = evalSets;
    this.runs = runs;
    this.properties = properties;
  }

  @Override
  public String kind() {
    return JobKinds.TRAIN;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    TrainingJobSpec spec = TrainingPayload.read(json, job.payloadJson());
    if (spec.trainer() != null) {
      ExternalTraining training =
          external
              .orderedStream()
              .filter(t -> t.runs(spec.trainer()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "this worker cannot run trainer '"
                              + spec.trainer().name()
                              + (spec.trainer().runsOnKubernetes() ? "' on Kubernetes" : "'")));
      log.info(
          "training {} on '{}' seed {} with trainer '{}'",
          spec.scale().name(),
          spec.distribution().name(),
          spec.seed(),
          spec.trainer().name());
      training.run(job, spec, context);
      return;
    }
    if (!spec.scale().languageModelFamily()) {
      log.info(
          "training {} {} (width {}) on '{}' seed {}",
          spec.scale().familyOrDefault(),
          spec.scale().name(),
          spec.scale().width(),
          spec.distribution().name(),
          spec.seed());
      classifiers.run(job, spec, context);
      return;
    }
    log.info(
        "training {} on '{}' seed {}: {} non-embedding params, {} tokens",
        spec.scale().name(),
        spec.distribution().name(),
        spec.seed(),
        spec.scale().nonEmbeddingParams(),
        spec.tokenBudget());
    var texts =
        spec.distribution().hasSubset()
            ? corpus.subsetText(spec.dataset(), spec.distribution().subset())
            : corpus.trainTexts(spec.dataset());
    String runPath = RunPaths.of(job, spec);
    Checkpoints store =
        Checkpoints.forAttempt(properties.artifacts().resolve(runPath), job.attempt());
    try (TrainedModel model =
        LmTrainer.train(
            spec,
            texts,
            (step, total, loss) -> {
              if (step % 10 == 0 || step == total) {
                if (!Float.isFinite(loss)) {
                  throw new IllegalStateException(
                      "training diverged at step " + step + ": loss " + loss);
                }
                context.progress(TRAINING_SHARE * step / total);
                context.checkLease();
              }
            },
            new CheckpointPolicy(store, properties.checkpointEvery()))) {
      store.saveModel(model.model());
      long started = System.nanoTime();
      Map<String, EvalResult> losses = new LinkedHashMap<>();
      try (NDManager manager = model.model().getNDManager().newSubManager()) {
        SequenceScorer scorer =
            new SequenceScorer(model.network(), manager, properties.evalBatch());
        int done = 0;
        for (String evalSet : spec.evalSets()) {
          losses.put(evalSet, evalSets.evaluate(scorer, spec.dataset(), evalSet));
          done++;
          context.progress(TRAINING_SHARE + (1 - TRAINING_SHARE) * done / spec.evalSets().size());
          context.checkLease();
        }
      }
      double evalSeconds = (System.nanoTime() - started) / 1e9;
      RunRecord run =
          new RunRecord(
              job,
              spec,
              model.stats(),
              evalSeconds,
              PeakMemory.residentBytes(),
              losses,
              RunPaths.model(job, spec));
      runs.storeAndComplete(run);
      log.info(
          "job {} done: {} tokens in {} s ({} tokens/s), final train loss {}",
          job.id(),
          model.stats().tokens(),
          String.format("%.1f", model.stats().wallSeconds()),
          String.format("%.0f", model.stats().tokensPerSecond()),
          String.format("%.3f", model.stats().finalLoss()));
    }
  }
}
