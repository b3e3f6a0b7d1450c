package io.s2l.trainer.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code spec.json}: everything a trainer is told about one run (docs/trainer-contract.md section
 * 2; schema {@link Contract#SPEC_SCHEMA}). Paths are absolute.
 *
 * @param contract always {@link Contract#VERSION}
 * @param study the study's id
 * @param run {@code scale/distribution/seed}
 * @param distribution the name of the run's training distribution
 * @param job the queue's job id, the same for every attempt
 * @param attempt the attempt, from 1
 * @param family {@code lm}, {@code mlp} or {@code cnn}
 * @param scale the scale's hyperparameters and parameter accounting
 * @param options the scale's free options, passed through unread (scalars only)
 * @param seed seed for initialisation and data order
 * @param budget tokens (language models) or epochs (classifiers)
 * @param training optimiser settings, defaults filled in
 * @param data the training pool and what to draw from it
 * @param evalSets every evaluation set to measure, in the order the run stores them
 * @param outputDir where the outputs go; exists and is empty
 * @param previousAttemptDir the previous attempt's run directory, or null on the first attempt
 * @param deadline when the worker kills the trainer
 */
public record TrainerSpec(
    String contract,
    UUID study,
    String run,
    String distribution,
    long job,
    int attempt,
    String family,
    Scale scale,
    Map<String, Object> options,
    long seed,
    Budget budget,
    Training training,
    Data data,
    List<EvalSet> evalSets,
    String outputDir,
    String previousAttemptDir,
    Instant deadline) {

  /**
   * A scale as the study gives it, with s2l's parameter accounting (docs/science.md section 1).
   *
   * @param heads attention heads; null for classifiers
   * @param context sequence length in bytes; null for classifiers
   */
  public record Scale(
      String name,
      int width,
      int depth,
      Integer heads,
      Integer context,
      long nonEmbeddingParams,
      long totalParams) {}

  /** {@code {"tokens": N}} for language models, {@code {"epochs": E}} for classifiers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Budget(Long tokens, Integer epochs) {

    public static Budget ofTokens(long tokens) {
      return new Budget(tokens, null);
    }

    public static Budget ofEpochs(int epochs) {
      return new Budget(null, epochs);
    }
  }

  /** AdamW with linear warm-up and cosine decay to 10% of the peak; {@code device} cpu or gpu. */
  public record Training(
      int batchSize,
      double learningRate,
      double warmupFraction,
      double weightDecay,
      double gradientClip,
      String device) {}

  /**
   * The training pool: {@code documents} ({@code {"id","domain","text"}} lines) or {@code images}
   * ({@code {"id","label","pixels"}} lines, with their shape, pixel maximum and class count).
   *
   * @param weights mixture weights by domain; null for a subset
   * @param subset the ids to train on, in order; null for a mixture
   */
  public record Data(
      String format,
      String file,
      Map<String, Double> weights,
      List<String> subset,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> imageShape,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer pixelMax,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer classes) {

    public static Data documents(String file, Map<String, Double> weights, List<String> subset) {
      return new Data(Contract.DOCUMENTS, file, weights, subset, null, null, null);
    }
  }

  /**
   * One evaluation set: a JSON-lines file of {@code examples} lines of its kind.
   *
   * @param maxTextBytes for {@code text} sets, the bytes of each text that are scored; else absent
   * @param chance the chance accuracy of sets with answers ({@code choice}, {@code image}); null
   *     for the others
   */
  public record EvalSet(
      String name,
      String kind,
      String file,
      int examples,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxTextBytes,
      Double chance) {

    public boolean hasAnswers() {
      return Contract.hasAnswers(kind);
    }
  }
}
