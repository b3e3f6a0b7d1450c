package io.s2l.lm.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.WarmUpTracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.s2l.djl.GlobalNormClipping;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.data.MixtureSampler;
import io.s2l.lm.model.TransformerLm;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.util.Map;

/**
 * Trains one language model for one job: AdamW, linear warm-up then cosine decay to 10% of the peak
 * rate, global-norm gradient clipping, batches drawn from the job's mixture. The budget is {@code
 * tokensPerParam x nonEmbeddingParams} tokens, rounded up to whole steps. Deterministic for a given
 * seed on CPU: initialisation uses PyTorch's generator seeded with the job seed and batches come
 * from a {@link MixtureSampler} seeded with it.
 */
public final class LmTrainer {

  /**
   * The key of {@code texts} that holds a subset distribution's documents: a job whose distribution
   * is a subset trains on that text alone.
   */
  public static final String SUBSET = "subset";

  private LmTrainer() {}

  public static TrainedModel train(
      TrainingJobSpec job, Map<String, DomainText> texts, TrainingProgress progress) {
    return train(job, texts, progress, null);
  }

  /**
   * Trains, saving a checkpoint every {@code checkpoints.everySteps()} steps. When the store
   * already holds a checkpoint of this job (an earlier attempt died), training resumes from it:
   * parameters and optimiser state are restored and the batch sampler is replayed to the same
   * position, so the result equals that of an uninterrupted run bit for bit.
   *
   * <p>A job with snapshots ({@link TrainingJobSpec#snapshotSteps}) keeps the parameters after each
   * snapshot step s_c as {@code checkpoint-<c>.params} in the attempt's directory, written before
   * that step's resumable checkpoint. So an attempt resuming at step d finds every snapshot with
   * s_c <= d written by an earlier attempt; should one be missing (deleted by hand), training fails
   * before its first step rather than end without it.
   *
   * @param checkpoints null for no checkpoints; required when the job keeps snapshots
   */
  public static TrainedModel train(
      TrainingJobSpec job,
      Map<String, DomainText> texts,
      TrainingProgress progress,
      CheckpointPolicy checkpoints) {
    ModelScale scale = job.scale();
    TrainingSettings settings = job.training().withDefaults();
    int batch = settings.batchSize();
    int context = scale.context();
    long tokensPerStep = (long) batch * context;
    long steps = Math.max(1, (job.tokenBudget() + tokensPerStep - 1) / tokensPerStep);
    long[] snapshotSteps = job.snapshotSteps(steps);
    if (snapshotSteps.length > 0 && checkpoints == null) {
      throw new IllegalArgumentException(
          "a job that keeps snapshots needs a checkpoint store to keep them in");
    }
    int warmup = (int) Math.round(steps * settings.warmupFraction());

    Engine.getEngine("PyTorch").setRandomSeed((int) job.seed());
    TransformerLm network = new TransformerLm(scale);
    Model model = Model.newInstance("lm-" + scale.name());
    model.setBlock(network);
    float peak = settings.learningRate().floatValue();
    CosineTracker cosine =
        CosineTracker.builder()
            .setBaseValue(peak)
            .optFinalValue(peak * 0.1f)
            .setMaxUpdates((int) Math.max(1, steps - warmup))
            .build();
    ResumableAdamW optimizer =
        new ResumableAdamW(
            WarmUpTracker.builder()
                .setMainTracker(cosine)
                .optWarmUpSteps(warmup)
                .optWarmUpBeginValue(peak / Math.max(1, warmup))
                .build(),
            settings.weightDecay().floatValue());
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT)
            .optOptimizer(optimizer);

    Map<String, Double> weights =
        job.distribution().hasSubset() ? Map.of(SUBSET, 1.0) : job.distribution().weights();
    MixtureSampler sampler = new MixtureSampler(texts, weights, context + 1, job.seed());
    long started = System.nanoTime();
    double tailLoss = 0;
    long tailSteps = Math.max(1, steps / 10);
    // model.newTrainer applies the config's initialisers (N(0, 0.02) weights); new Trainer(...)
    // would not.
    try (Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(new Shape(batch, context));
      PairList<String, Parameter> parameters = network.getParameters();
      long done = 0;
      if (checkpoints != null && checkpoints.store().latestStep().isPresent()) {
        requireSnapshotsBefore(
            checkpoints.store(), snapshotSteps, checkpoints.store().latestStep().get());
        done = checkpoints.store().restore(model, optimizer, model.getNDManager());
        for (long replay = 0; replay < done; replay++) {
          sampler.nextBatch(batch);
        }
      }
      for (long step = done + 1; step <= steps; step++) {
        float loss =
            step(
                trainer,
                optimizer,
                parameters,
                sampler,
                batch,
                context,
                settings.gradientClip().floatValue());
        if (step > steps - tailSteps) {
          tailLoss += loss;
        }
        progress.onStep(step, steps, loss);
        for (int c = 1; c <= snapshotSteps.length; c++) {
          if (snapshotSteps[c - 1] == step) {
            checkpoints.store().saveSnapshot(c, model);
          }
        }
        if (checkpoints != null
            && step % checkpoints.everySteps() == 0
            && step < steps
            && !checkpoints.store().save(step, model, optimizer)) {
          throw new AttemptSupersededException(checkpoints.store().attempt(), step);
        }
      }
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long tokens = steps * tokensPerStep;
    long n = scale.nonEmbeddingParams();
    TrainingStats stats =
        new TrainingStats(
            n, scale.totalParams(), tokens, 6.0 * n * tokens, steps, seconds, tailLoss / tailSteps);
    return new TrainedModel(model, network, stats);
  }

  /** Fails when a run resuming at step {@code done} would skip a snapshot nobody wrote. */
  private static void requireSnapshotsBefore(Checkpoints store, long[] snapshotSteps, long done) {
    for (int c = 1; c <= snapshotSteps.length; c++) {
      if (snapshotSteps[c - 1] <= done && !store.hasSnapshot(c)) {
        throw new IllegalStateException(
            "cannot resume at step "
                + done
                + ": snapshot "
                + c
                + " of step "
                + snapshotSteps[c - 1]
                + " is missing ("
                + Checkpoints.snapshotFile(c)
                + " in no attempt's directory under "
                + store.directory()
                + "); delete checkpoint.bin there to train again from the start");
      }
    }
  }

  private static float step(
      Trainer trainer,
      ResumableAdamW optimizer,
      PairList<String, Parameter> parameters,
      MixtureSampler sampler,
      int batch,
      int context,
      float clip) {
    try (NDManager step = trainer.getManager().newSubManager()) {
      long[] windows = sampler.nextBatch(batch);
      NDArray inputs =
          step.create(Windows.inputs(windows, batch, context), new Shape(batch, context));
      NDArray targets =
          step.create(Windows.targets(windows, batch, context), new Shape(batch, context, 1));
      float value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray logits = trainer.forward(new NDList(inputs)).singletonOrThrow();
        NDArray loss = TokenLoss.mean(logits, targets);
        collector.backward(loss);
        value = loss.getFloat();
      }
      clipAndUpdate(optimizer, parameters, clip, step);
      return value;
    }
  }

  /**
   * Clips the gradients by their global norm and applies one AdamW update to every parameter.
   *
   * @return the global norm before clipping
   */
  static float clipAndUpdate(
      ResumableAdamW optimizer,
      PairList<String, Parameter> parameters,
      float clip,
      NDManager step) {
    NDList gradients = GlobalNormClipping.gradients(parameters, step);
    float norm = GlobalNormClipping.norm(gradients);
    update(optimizer, parameters, gradients, GlobalNormClipping.factor(norm, clip));
    return norm;
  }

  /**
   * One AdamW update of every parameter, straight from its gradient, scaled by the clipping factor
   * inside the fused update. {@code Trainer.step()} would go through DJL's LocalParameterServer,
   * which first duplicates every gradient (one more native copy per parameter per step); the fused
   * update copies the gradient it reads anyway, and zeroes the parameter's gradient for the next
   * step.
   */
  private static void update(
      ResumableAdamW optimizer,
      PairList<String, Parameter> parameters,
      NDList gradients,
      float gradientScale) {
    int next = 0;
    for (Pair<String, Parameter> p : parameters) {
      Parameter parameter = p.getValue();
      if (parameter.requiresGradient()) {
        optimizer.update(
            parameter.getId(), parameter.getArray(), gradients.get(next++), gradientScale);
      }
    }
  }
}
