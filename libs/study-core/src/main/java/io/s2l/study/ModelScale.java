package io.s2l.study;

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
 */
public record ModelScale(
    String name, Integer width, Integer depth, Integer heads, Integer context, String family) {

  /** Vocabulary of the byte-level tokenizer. */
  public static final int VOCABULARY = 256;

  public static final String LM = "lm";
  public static final String MLP = "mlp";
  public static final String CNN = "cnn";

  /** A language-model scale. */
  public ModelScale(String name, Integer width, Integer depth, Integer heads, Integer context) {
    this(name, width, depth, heads, context, null);
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
}
