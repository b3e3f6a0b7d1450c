package io.s2l.worker.features;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.featurize.BlockProjection;
import io.s2l.featurize.FeatureFileWriter;
import io.s2l.featurize.Featurizer;
import io.s2l.featurize.LmExample;
import io.s2l.featurize.LmGradients;
import io.s2l.featurize.LmOutput;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.eval.SequenceScorer;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.Checkpoints;
import io.s2l.lm.train.TrainedModel;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.training.CorpusCache;
import io.s2l.worker.training.EvalSets;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Featurises a language model (docs/science.md section 3.1): loads the final model or snapshot c
 * ({@code checkpoint-<c>.params}) of a pool run and writes the projected gradients of
 *
 * <ul>
 *   <li>{@code train}: the run's pool, the documents of its subset distribution in order, each its
 *       first 256 bytes ({@link LmOutput#MEAN_LOSS}); beside them, as the margins file, each
 *       document's o = -(mean loss);
 *   <li>{@code test}: every example of the job's target set in the set's order, answers by their
 *       mean loss, choices by their margin o ({@link LmOutput#CHOICE_MARGIN}) with the projected
 *       row negated, so that every target row is the gradient of b = -o; beside them each target's
 *       o, as evaluation stores it.
 * </ul>
 *
 * Examples are batched to fit {@code s2l.worker.featurize-memory}; the featurizer projects {@value
 * #BATCHES_PER_CHUNK} batches at a time, checking the lease after each, so native memory stays flat
 * however large the pool. Runs on the worker's one job thread, as training does, so a featurisation
 * never overlaps a training in this process (PyTorch allows one gradient collector at a time).
 */
@Component
class LmFeatures {

  private static final Logger log = LoggerFactory.getLogger(LmFeatures.class);
  static final int BATCHES_PER_CHUNK = 4;

  private final CorpusCache corpus;
  private final EvalSets evalSets;
  private final FeatureStore store;
  private final WorkerProperties properties;

  LmFeatures(
      CorpusCache corpus, EvalSets evalSets, FeatureStore store, WorkerProperties properties) {
    this.corpus = corpus;
    this.evalSets = evalSets;
    this.store = store;
    this.properties = properties;
  }

  void featurise(FeaturizeJobSpec spec, ClaimedJob job, JobContext context) throws Exception {
    boolean train = FeaturizeJobSpec.TRAIN.equals(spec.examples());
    if (!train && spec.targetSet() == null) {
      throw new IllegalArgumentException("a language model's test features need a target set");
    }
    FeatureStore.Pool pool = store.pool(spec.studyId(), spec.runKey());
    Path run = Path.of(store.modelPath(spec.studyId(), spec.runKey())).getParent();
    Path params =
        properties
            .artifacts()
            .resolve(
                run.resolve(
                    spec.checkpoint() == null
                        ? Checkpoints.MODEL_FILE
                        : Checkpoints.snapshotFile(spec.checkpoint())));
    List<String> texts = train ? poolTexts(pool) : List.of();
    List<LmExample> examples = train ? documents(texts) : targets(pool.dataset(), spec.targetSet());
    boolean[] negated = new boolean[examples.size()];
    for (int i = 0; i < negated.length; i++) {
      negated[i] = examples.get(i).output() == LmOutput.CHOICE_MARGIN;
    }
    FeatureFiles.deleteTemporaries(properties.artifacts().resolve(run), spec);
    String relative = run.resolve(FeatureFiles.name(spec, job.attempt())).toString();
    String margins = relative.replace(".f32", "-margins.f32");
    try (TrainedModel model = load(spec, params)) {
      LmGradients gradients = LmGradients.of(model);
      int batch = gradients.chunkSize(examples, properties.featurizeMemory().toBytes());
      BlockProjection projection =
          new BlockProjection(gradients.parameterCount(), spec.dimension(), spec.projectionSeed());
      int k = spec.dimension();
      long started = System.nanoTime();
      try (FeatureFileWriter out =
          FeatureFileWriter.create(properties.artifacts().resolve(relative), examples.size(), k)) {
        new Featurizer(projection, BATCHES_PER_CHUNK * batch)
            .featurize(
                gradients.source(examples, batch),
                (firstRow, rows, features) -> {
                  for (int r = 0; r < rows; r++) {
                    if (negated[firstRow + r]) {
                      for (int j = r * k; j < (r + 1) * k; j++) {
                        features[j] = -features[j];
                      }
                    }
                  }
                  out.accept(firstRow, rows, features);
                  context.progress(0.95 * (firstRow + rows) / examples.size());
                  context.checkLease();
                });
        out.commit();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      FeatureFiles.writeMargins(
          properties.artifacts().resolve(margins),
          outputs(model, train, texts, pool.dataset(), spec.targetSet()));
      store.recordAndComplete(
          spec, examples.size(), gradients.parameterCount(), relative, margins, job);
      log.info(
          "job {}: {} x {} features of {} checkpoint {} ({} parameters, batch {}) in {} s ({}"
              + " examples/s), written to {}",
          job.id(),
          examples.size(),
          k,
          spec.runKey(),
          spec.checkpoint() == null ? "final" : spec.checkpoint(),
          gradients.parameterCount(),
          batch,
          String.format("%.1f", seconds),
          String.format("%.1f", examples.size() / seconds),
          relative);
    }
  }

  private List<String> poolTexts(FeatureStore.Pool pool) {
    return corpus.subsetDocuments(pool.dataset(), pool.documentIds()).stream()
        .map(Document::text)
        .toList();
  }

  private static List<LmExample> documents(List<String> texts) {
    return texts.stream().map(t -> LmExample.document(t, Evaluations.MAX_TEXT_BYTES)).toList();
  }

  /** The target set's examples: held-out documents, or a task's answers or choices. */
  private List<LmExample> targets(String dataset, String targetSet) {
    if (targetSet.startsWith(BuiltinCorpus.HELDOUT_PREFIX)) {
      return documents(
          corpus.heldoutDocuments(dataset, targetSet).stream().map(Document::text).toList());
    }
    List<EvalExample> examples = corpus.task(targetSet).examples();
    return examples.stream().map(LmExample::of).toList();
  }

  /** o of every featurised example, as evaluation computes it. */
  private float[] outputs(
      TrainedModel model, boolean train, List<String> texts, String dataset, String targetSet) {
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      SequenceScorer scorer = new SequenceScorer(model.network(), manager, properties.evalBatch());
      return train
          ? Evaluations.text(scorer, texts).margins()
          : evalSets.evaluate(scorer, dataset, targetSet).margins();
    }
  }

  /** The final model or snapshot stored at {@code params}, loaded for {@code spec}'s scale. */
  static TrainedModel load(FeaturizeJobSpec spec, Path params)
      throws IOException, MalformedModelException {
    if (!Files.isRegularFile(params)) {
      throw new IllegalStateException(
          "model "
              + spec.runKey()
              + " has no "
              + params.getFileName()
              + (spec.checkpoint() == null ? "" : ": was it trained with snapshots?"));
    }
    TransformerLm network = new TransformerLm(spec.scale());
    Model model = Model.newInstance("features-" + spec.scale().name());
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      model.setBlock(network);
      network.initialize(
          model.getNDManager(), DataType.FLOAT32, new Shape(1, spec.scale().context()));
      network.loadParameters(model.getNDManager(), in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw e;
    }
    return new TrainedModel(model, network, null);
  }
}
