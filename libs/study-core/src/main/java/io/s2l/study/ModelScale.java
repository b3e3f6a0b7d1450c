package io.s2l.study;

import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_CONTEXT;
import static io.s2l.study.StudyLimits.MAX_DEPTH;
import static io.s2l.study.StudyLimits.MAX_WIDTH;

import java.util.List;
import java.util.Map;

/**
 * One model size of a study: a pre-LN, causal, decoder-only transformer over bytes.
 *
 * <p>Parameter accounting (Kaplan et al. 2020 convention): per block, the attention projections (4
 * d^2 + 4 d), the MLP with hidden width 4d (8 d^2 + 5 d) and two LayerNorms (4 d), so 12 d^2 + 13
 * d; plus the final LayerNorm (2 d). Token and position embeddings and the output projection are
 * counted as embedding parameters and excluded from the token budget and from 6ND.
 *
 * @param name the scale's name, unique within a study
 * @param width model dimension d
 * @param depth number of transformer blocks
 * @param heads attention heads; must divide {@code width}
 * @param context sequence length in tokens (bytes)
 * @param family {@code lm} (the default) for the transformer language model; {@code mlp} or {@code
 *     cnn} for the image classifiers, scaled by width at a fixed depth (heads and context unused)
 * @param trainer the registered trainer that trains this scale; null takes the study's trainer, and
 *     {@value TrainerRef#BUILTIN} (or no trainer anywhere) the built-in DJL trainer
 * @param options free settings passed unread to an external trainer in its spec (such as the name
 *     of a model configuration of the team's own code): at most {@value TrainerLimits#MAX_OPTIONS},
 *     string (at most {@value TrainerLimits#MAX_OPTION_VALUE_LENGTH} characters), number or boolean
 *     values, only on scales an external trainer trains
 */
public record ModelScale(
    String name,
    Integer width,
    Integer depth,
    Integer heads,
    Integer context,
    String family,
    String trainer,
    Map<String, Object> options) {

  /** A scale trained by the study's trainer, without options. */
  public ModelScale(
      String name, Integer width, Integer depth, Integer heads, Integer context, String family) {
    this(name, width, depth, heads, context, family, null, null);
  }

  /** Vocabulary of the byte-level tokenizer. */
  public static final int VOCABULARY = 256;

  public static final String LM = "lm";
  public static final String MLP = "mlp";
  public static final String CNN = "cnn";

  /** A language-model scale. */
  public ModelScale(String name, Integer width, Integer depth, Integer heads, Integer context) {
    this(name, width, depth, heads, context, null);
  }

  /** This scale, trained by the trainer named {@code trainer}. */
  public ModelScale withTrainer(String trainer) {
    return new ModelScale(name, width, depth, heads, context, family, trainer, options);
  }

  public String familyOrDefault() {
    return family != null ? family : LM;
  }

  public boolean languageModelFamily() {
    return LM.equals(familyOrDefault());
  }

  /** Parameters that scale with depth: blocks and the final LayerNorm. */
  public long nonEmbeddingParams() {
    long d = width;
    return depth * (12 * d * d + 13 * d) + 2 * d;
  }

  /** Token and position embeddings plus the output projection (with its bias). */
  public long embeddingParams() {
    long d = width;
    return VOCABULARY * d + (long) context * d + VOCABULARY * d + VOCABULARY;
  }

  public long totalParams() {
    return nonEmbeddingParams() + embeddingParams();
  }

  /**
   * Adds an error for every field of this scale out of its bounds (its name is checked with the
   * study's other scales).
   *
   * @param at this scale's path, such as {@code scales[2]}
   * @param imageDataset whether the study's dataset is an image set, which needs a classifier
   */
  public void validate(String at, boolean imageDataset, List<FieldError> errors) {
    if (!List.of(LM, MLP, CNN).contains(familyOrDefault())) {
      errors.add(new FieldError(at + ".family", "must be lm, mlp or cnn"));
    } else if (imageDataset == languageModelFamily()) {
      errors.add(
          new FieldError(
              at + ".family",
              imageDataset
                  ? "an image dataset needs an image classifier (mlp or cnn)"
                  : "a text dataset needs a language model (lm)"));
    }
    range(errors, at + ".width", width, languageModelFamily() ? 8 : 1, MAX_WIDTH);
    range(errors, at + ".depth", depth, 1, MAX_DEPTH);
    if (languageModelFamily()) {
      range(errors, at + ".heads", heads, 1, 64);
      range(errors, at + ".context", context, 8, MAX_CONTEXT);
      if (width != null && heads != null && heads > 0 && width % heads != 0) {
        errors.add(new FieldError(at + ".heads", "must divide width " + width));
      }
    }
  }
}
