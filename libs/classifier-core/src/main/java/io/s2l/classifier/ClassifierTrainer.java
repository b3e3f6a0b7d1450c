package io.s2l.classifier;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.WarmUpTracker;
import io.s2l.corpus.ImageSet;
import io.s2l.djl.GlobalNormClipping;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains one image classifier on an explicit subset of an {@link ImageSet}'s training images:
 * {@code epochs} passes, each over a fresh seeded shuffle of the subset; AdamW with a linear
 * warm-up then cosine decay to 10% of the peak rate; global-norm gradient clipping; mean
 * cross-entropy loss. Weights get He (Kaiming) normal initialisation, biases zero.
 *
 * <p>Deterministic for a seed on CPU: initialisation uses PyTorch's generator seeded with {@code
 * seed} and the shuffles come from a {@link SplittableRandom} seeded with it. Pixels are read as
 * {@link ImageSet} lays them out: row-major, (H, W, C).
 */
public final class ClassifierTrainer {

  private ClassifierTrainer() {}

  /**
   * @param trainIndices which training images to use (null = all), the explicit subset for
   *     attribution/selection studies; order irrelevant; duplicates allowed (sampling with
   *     replacement). The run depends only on the multiset of indices, not on their order.
   * @throws IllegalArgumentException if the subset is empty or an index is out of range
   */
  public static TrainedClassifier train(
      ClassifierScale scale,
      ClassifierSettings settings,
      long seed,
      ImageSet data,
      int[] trainIndices,
      ClassifierProgress progress) {
    Batches batches = new Batches(data, subset(data, trainIndices), settings.batchSize());
    long stepsPerEpoch = batches.perEpoch();
    long steps = settings.epochs() * stepsPerEpoch;
    int warmup = (int) Math.round(steps * settings.warmupFraction());

    Engine.getEngine("PyTorch").setRandomSeed((int) seed);
    ImageClassifier network =
        new ImageClassifier(scale, data.height(), data.width(), data.channels(), data.classes());
    Model model = Model.newInstance("classifier-" + scale.name());
    model.setBlock(network);
    float peak = (float) settings.learningRate();
    CosineTracker cosine =
        CosineTracker.builder()
            .setBaseValue(peak)
            .optFinalValue(peak * 0.1f)
            .setMaxUpdates((int) Math.max(1, steps - warmup))
            .build();
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optInitializer(
                new XavierInitializer(
                    XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
                Parameter.Type.WEIGHT)
            .optOptimizer(
                Optimizer.adamW()
                    .optLearningRateTracker(
                        WarmUpTracker.builder()
                            .setMainTracker(cosine)
                            .optWarmUpSteps(warmup)
                            .optWarmUpBeginValue(peak / Math.max(1, warmup))
                            .build())
                    .optWeightDecays((float) settings.weightDecay())
                    .build());

    SplittableRandom random = new SplittableRandom(seed);
    float clip = (float) settings.gradientClip();
    long started = System.nanoTime();
    long tailSteps = Math.max(1, steps / 10);
    double tailLoss = 0;
    // model.newTrainer applies the config's initialisers (Kaiming normal weights); new Trainer(...)
    // would not.
    try (Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(network.inputShape(settings.batchSize()));
      long step = 0;
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        batches.shuffle(random);
        for (int b = 0; b < stepsPerEpoch; b++) {
          float loss = step(trainer, batches, b, clip);
          step++;
          if (step > steps - tailSteps) {
            tailLoss += loss;
          }
          progress.onStep(step, steps, loss);
        }
      }
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long examples = (long) settings.epochs() * batches.size();
    ClassifierStats stats =
        new ClassifierStats(
            network.paramCount(),
            examples,
            6.0 * network.multiplyAdds() * examples,
            steps,
            seconds,
            tailLoss / tailSteps);
    return new TrainedClassifier(model, network, stats);
  }

  private static float step(Trainer trainer, Batches batches, int batch, float clip) {
    try (NDManager step = trainer.getManager().newSubManager()) {
      NDArray pixels = batches.pixels(step, batch);
      NDArray labels = batches.labels(step, batch);
      float value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray logits = trainer.forward(new NDList(pixels)).singletonOrThrow();
        NDArray loss = CrossEntropy.perExample(logits, labels).mean();
        collector.backward(loss);
        value = loss.getFloat();
      }
      GlobalNormClipping.clip(trainer.getModel().getBlock().getParameters(), clip, step);
      trainer.step();
      return value;
    }
  }

  private static int[] subset(ImageSet data, int[] trainIndices) {
    int n = data.trainLabels().length;
    if (trainIndices == null) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    if (trainIndices.length == 0) {
      throw new IllegalArgumentException("trainIndices must not be empty");
    }
    for (int i : trainIndices) {
      if (i < 0 || i >= n) {
        throw new IllegalArgumentException(
            "train index " + i + " is outside the " + n + " training images of " + data.name());
      }
    }
    int[] sorted = trainIndices.clone();
    // Sorted before shuffling, so that the model depends on the multiset of indices only.
    Arrays.sort(sorted);
    return sorted;
  }
}
