package io.s2l.worker.training;

import io.s2l.classifier.ClassifierEvaluation;
import io.s2l.classifier.ClassifierScale;
import io.s2l.classifier.ClassifierSettings;
import io.s2l.classifier.ClassifierStats;
import io.s2l.classifier.ClassifierTrainer;
import io.s2l.classifier.TrainedClassifier;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.ImageSet;
import io.s2l.lm.eval.EvalResult;
import io.s2l.lm.train.Checkpoints;
import io.s2l.lm.train.TrainingStats;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.worker.config.WorkerProperties;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Runs a training job of the image-classifier family (mlp, cnn): trains on the job's subset of the
 * image pool for {@code training.epochs} epochs, evaluates per-example loss and accuracy on the
 * test set ({@code images/<set>-test}), keeps the model, stores the run and completes the job.
 */
@Component
class ClassifierJobs {

  private static final String TEST_SUFFIX = "-test";

  private final RunStore runs;
  private final WorkerProperties properties;
  private final Map<String, ImageSet> images = new ConcurrentHashMap<>();

  ClassifierJobs(RunStore runs, WorkerProperties properties) {
    this.runs = runs;
    this.properties = properties;
  }

  void run(ClaimedJob job, TrainingJobSpec spec, JobContext context) {
    ImageSet data = images.computeIfAbsent(spec.dataset(), BuiltinImages::load);
    int[] subset = indices(data, spec.distribution().subset());
    TrainingSettings t = spec.training().withDefaults();
    ClassifierScale scale =
        new ClassifierScale(
            spec.scale().name(),
            spec.scale().familyOrDefault(),
            spec.scale().width(),
            spec.scale().depth());
    ClassifierSettings settings =
        new ClassifierSettings(
            t.epochs(),
            t.batchSize(),
            t.learningRate(),
            t.warmupFraction(),
            t.weightDecay(),
            t.gradientClip());
    String runPath = RunPaths.of(job, spec);
    try (TrainedClassifier model =
        ClassifierTrainer.train(
            scale,
            settings,
            spec.seed(),
            data,
            subset,
            (step, total, loss) -> {
              if (step % 10 == 0 || step == total) {
                context.progress(0.9 * step / total);
                context.checkLease();
              }
            })) {
      Checkpoints.forAttempt(properties.artifacts().resolve(runPath), job.attempt())
          .saveModel(model.model());
      long started = System.nanoTime();
      Map<String, EvalResult> results = new LinkedHashMap<>();
      for (String evalSet : spec.evalSets()) {
        if (!evalSet.equals("images/" + spec.dataset() + TEST_SUFFIX)) {
          throw new IllegalArgumentException(
              "unknown evaluation set '" + evalSet + "' for " + spec.dataset());
        }
        ClassifierEvaluation.Result r =
            ClassifierEvaluation.evaluate(model, data.testPixels(), data.testLabels(), 256);
        results.put(
            evalSet, new EvalResult(r.losses(), r.correct(), 1.0 / data.classes(), r.margins()));
      }
      double evalSeconds = (System.nanoTime() - started) / 1e9;
      ClassifierStats s = model.stats();
      TrainingStats stats =
          new TrainingStats(
              s.params(),
              s.params(),
              s.examplesSeen(),
              s.flops(),
              s.steps(),
              s.wallSeconds(),
              s.finalLoss());
      runs.storeAndComplete(
          new RunRecord(
              job,
              spec,
              stats,
              evalSeconds,
              PeakMemory.residentBytes(),
              results,
              RunPaths.model(job, spec)));
    }
  }

  /** Pool indices of a subset's image ids; null (the whole pool) without a subset. */
  private static int[] indices(ImageSet data, List<String> ids) {
    if (ids == null) {
      return null;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < data.trainIds().size(); i++) {
      index.put(data.trainIds().get(i), i);
    }
    int[] indices = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      Integer at = index.get(ids.get(i));
      if (at == null) {
        throw new IllegalArgumentException("no training image with id '" + ids.get(i) + "'");
      }
      indices[i] = at;
    }
    return indices;
  }
}
