package io.s2l.study;

import static io.s2l.study.FieldChecks.between;
import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_BATCH;

import java.util.List;

/**
 * Optimiser settings shared by every model of a study. Null fields take the defaults of {@link
 * #DEFAULTS}.
 *
 * @param batchSize sequences per step
 * @param learningRate peak AdamW learning rate, reached after warm-up, then cosine decay to 10%
 * @param warmupFraction fraction of the steps spent in linear warm-up
 * @param weightDecay decoupled AdamW weight decay
 * @param gradientClip global L2 norm clip
 * @param device {@code cpu} (default) or {@code gpu}: GPU jobs are claimed only by GPU workers
 * @param epochs passes over the training subset, for image classifiers (language models train for
 *     {@code tokensPerParam x params} tokens instead)
 */
public record TrainingSettings(
    Integer batchSize,
    Double learningRate,
    Double warmupFraction,
    Double weightDecay,
    Double gradientClip,
    String device,
    Integer epochs) {

  public static final String CPU = "cpu";
  public static final String GPU = "gpu";
  public static final TrainingSettings DEFAULTS =
      new TrainingSettings(16, 3e-3, 0.05, 0.01, 1.0, CPU, 30);

  /** Settings with the default device. */
  public TrainingSettings(
      Integer batchSize,
      Double learningRate,
      Double warmupFraction,
      Double weightDecay,
      Double gradientClip) {
    this(batchSize, learningRate, warmupFraction, weightDecay, gradientClip, null, null);
  }

  /** This object with every null replaced by its default. */
  public TrainingSettings withDefaults() {
    return new TrainingSettings(
        batchSize != null ? batchSize : DEFAULTS.batchSize,
        learningRate != null ? learningRate : DEFAULTS.learningRate,
        warmupFraction != null ? warmupFraction : DEFAULTS.warmupFraction,
        weightDecay != null ? weightDecay : DEFAULTS.weightDecay,
        gradientClip != null ? gradientClip : DEFAULTS.gradientClip,
        device != null ? device : DEFAULTS.device,
        epochs != null ? epochs : DEFAULTS.epochs);
  }

  /** Adds an error for every setting out of its bounds; null settings take defaults. */
  public void validate(List<FieldError> errors) {
    range(errors, "training.batchSize", batchSize, 1, MAX_BATCH, true);
    between(errors, "training.learningRate", learningRate, 0, 1, false);
    between(errors, "training.warmupFraction", warmupFraction, 0, 0.5, true);
    between(errors, "training.weightDecay", weightDecay, 0, 1, true);
    between(errors, "training.gradientClip", gradientClip, 0, 1e6, false);
    range(errors, "training.epochs", epochs, 1, 10_000, true);
    if (device != null && !device.equals(CPU) && !device.equals(GPU)) {
      errors.add(new FieldError("training.device", "must be cpu or gpu"));
    }
  }
}
