package io.s2l.worker.trainers;

import io.s2l.classifier.ClassifierScale;
import io.s2l.corpus.ImageSet;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.spring.QueueProperties;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.trainer.contract.Contract;
import io.s2l.trainer.contract.TrainerSpec;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.training.RunPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Makes an attempt's run directory (docs/trainer-contract.md section 1): {@code <artifacts>/<run
 * path>/attempt-<n>/}, fresh, with an empty {@code out/} and the {@code spec.json} of the job,
 * whose deadline is the attempt's start plus the queue's job timeout and whose {@code
 * previousAttemptDir} is the previous attempt's directory when there is one.
 */
@Component
public class TrainerWorkspace {

  private final Path artifacts;
  private final Duration jobTimeout;
  private final Clock clock;
  private final TrainerData data;

  public TrainerWorkspace(
      WorkerProperties properties, QueueProperties queue, Clock clock, TrainerData data) {
    this.artifacts = properties.artifacts().toAbsolutePath().normalize();
    this.jobTimeout = queue.jobTimeout();
    this.clock = clock;
    this.data = data;
  }

  public RunDirectory prepare(ClaimedJob job, TrainingJobSpec spec) throws IOException {
    Path runs = artifacts.resolve(RunPaths.of(job, spec));
    Path dir = runs.resolve("attempt-" + job.attempt());
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      delete(dir);
    }
    Path out = Files.createDirectories(dir.resolve(Contract.OUTPUT_DIR));
    Path previous = runs.resolve("attempt-" + (job.attempt() - 1));
    Map<String, List<String>> ids = new LinkedHashMap<>();
    List<TrainerSpec.EvalSet> evalSets = new ArrayList<>();
    for (String name : spec.evalSets()) {
      EvalFile file = data.evalSet(spec.dataset(), name);
      evalSets.add(file.toSpec());
      ids.put(name, file.ids());
    }
    TrainingSettings t = spec.training().withDefaults();
    boolean lm = spec.scale().languageModelFamily();
    TrainerSpec trainerSpec =
        new TrainerSpec(
            Contract.VERSION,
            job.studyId(),
            spec.key(),
            spec.distribution().name(),
            job.id(),
            job.attempt(),
            spec.scale().familyOrDefault(),
            lm ? lmScale(spec.scale()) : classifierScale(spec),
            spec.scale().options() == null ? Map.of() : spec.scale().options(),
            spec.seed(),
            lm
                ? TrainerSpec.Budget.ofTokens(spec.tokenBudget())
                : TrainerSpec.Budget.ofEpochs(t.epochs()),
            new TrainerSpec.Training(
                t.batchSize(),
                t.learningRate(),
                t.warmupFraction(),
                t.weightDecay(),
                t.gradientClip(),
                t.device()),
            lm ? documents(spec) : images(spec),
            evalSets,
            out.toString(),
            job.attempt() > 1 && Files.isDirectory(previous) ? previous.toString() : null,
            clock.instant().plus(jobTimeout).truncatedTo(ChronoUnit.SECONDS));
    Path specFile = dir.resolve(Contract.SPEC_FILE);
    Files.write(
        specFile, Contract.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(trainerSpec));
    return new RunDirectory(dir, specFile, out, trainerSpec, ids);
  }

  private static TrainerSpec.Scale lmScale(ModelScale s) {
    return new TrainerSpec.Scale(
        s.name(),
        s.width(),
        s.depth(),
        s.heads(),
        s.context(),
        s.nonEmbeddingParams(),
        s.totalParams());
  }

  /** Classifiers count every parameter as non-embedding, as the built-in trainer does. */
  private TrainerSpec.Scale classifierScale(TrainingJobSpec spec) {
    ModelScale s = spec.scale();
    ImageSet set = data.imageSet(spec.dataset());
    long params =
        new ClassifierScale(s.name(), s.familyOrDefault(), s.width(), s.depth())
            .params(set.height(), set.width(), set.channels(), set.classes());
    return new TrainerSpec.Scale(s.name(), s.width(), s.depth(), null, null, params, params);
  }

  private TrainerSpec.Data documents(TrainingJobSpec spec) throws IOException {
    return TrainerSpec.Data.documents(
        data.documents(spec.dataset()).toString(),
        spec.distribution().weights(),
        spec.distribution().subset());
  }

  private TrainerSpec.Data images(TrainingJobSpec spec) throws IOException {
    ImageSet set = data.imageSet(spec.dataset());
    if (set.channels() != 1) {
      throw new IllegalArgumentException(
          "image set "
              + spec.dataset()
              + " has "
              + set.channels()
              + " channels; the trainer"
              + " contract's images are grey scale");
    }
    return new TrainerSpec.Data(
        Contract.IMAGES,
        data.images(spec.dataset()).toString(),
        spec.distribution().weights(),
        spec.distribution().subset(),
        List.of(set.height(), set.width()),
        io.s2l.corpus.BuiltinImages.pixelMax(spec.dataset()),
        set.classes());
  }

  /** Removes a directory left by an earlier run of this same attempt, links not followed. */
  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
