package io.s2l.attribution;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The similarity baseline of text selection (docs/science.md section 4.2): the pool documents
 * closest to the target task in byte n-gram space. The recipe, exactly:
 *
 * <ol>
 *   <li>A text is its UTF-8 bytes b_0..b_{L-1}. Each of its L - 2 byte trigrams (b_i, b_{i+1},
 *       b_{i+2}) counts once in bucket h = ((b_i | b_{i+1} &lt;&lt; 8 | b_{i+2} &lt;&lt; 16) *
 *       0x9E3779B1 mod 2^32) &gt;&gt;&gt; (32 - {@link #BITS}) (Fibonacci hashing of the trigram as
 *       an unsigned 24-bit integer) of a count vector of {@link #BUCKETS} entries.
 *   <li>The count vector is divided by its L2 norm (a text of fewer than 3 bytes has the zero
 *       vector).
 *   <li>The target vector c is the mean of the normalised vectors of the choosing targets (for an
 *       evaluation example, the text prompt + answer, or prompt + correct choice).
 *   <li>A document's similarity is cos(v, c) = v . c / |c| for its normalised vector v (0 when v or
 *       c is zero); the {@code size} documents of highest similarity are chosen, ties by lower
 *       index.
 * </ol>
 *
 * Memory: one dense vector of {@link #BUCKETS} doubles for c and one for the document being scored;
 * documents are scored one at a time.
 */
public final class ByteNgrams {

  /** log2 of the number of hash buckets. */
  public static final int BITS = 16;

  /** The number of hash buckets, 65,536. */
  public static final int BUCKETS = 1 << BITS;

  private static final int GOLDEN = 0x9E3779B1;

  private ByteNgrams() {}

  /** The hash bucket of one byte trigram. */
  static int bucket(byte a, byte b, byte c) {
    int trigram = (a & 0xFF) | (b & 0xFF) << 8 | (c & 0xFF) << 16;
    return (trigram * GOLDEN) >>> (32 - BITS);
  }

  /** The L2-normalised hashed trigram counts of a text. */
  public static double[] vector(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    double[] v = new double[BUCKETS];
    for (int i = 0; i + 2 < bytes.length; i++) {
      v[bucket(bytes[i], bytes[i + 1], bytes[i + 2])]++;
    }
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
    return v;
  }

  /** Per document, cos(v, c) against the mean of the targets' normalised vectors. */
  public static double[] similarity(List<String> documents, List<String> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target text is required");
    }
    double[] centroid = new double[BUCKETS];
    for (String t : targets) {
      double[] v = vector(t);
      for (int j = 0; j < v.length; j++) {
        centroid[j] += v[j] / targets.size();
      }
    }
    double centroidNorm = Math.sqrt(dot(centroid, centroid));
    double[] similarity = new double[documents.size()];
    for (int i = 0; i < similarity.length; i++) {
      similarity[i] =
          centroidNorm == 0 ? 0 : dot(vector(documents.get(i)), centroid) / centroidNorm;
    }
    return similarity;
  }

  /** The {@code size} documents most similar to the targets, most similar first. */
  public static int[] select(List<String> documents, List<String> targets, int size) {
    return Ranking.top(similarity(documents, targets), size);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
