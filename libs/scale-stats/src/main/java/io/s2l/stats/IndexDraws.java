package io.s2l.stats;

/**
 * The resampling draws of {@link Bootstrap}: uniform indices in [0, n), resample after resample,
 * from one seeded SplitMix64 stream (Steele, Lea, Flood 2014), the generator of {@link
 * java.util.SplittableRandom}: word w_t = mix64(seed + t gamma) is the t-th {@code new
 * SplittableRandom(seed).nextLong()}.
 *
 * <p>Each 64-bit word gives two 32-bit halves u, low half first, and a half becomes the index
 * floor(u n / 2^32) (Lemire, "Fast random integer generation in an interval", ACM TOMACS 29(1),
 * 2019) unless (u n) mod 2^32 &lt; 2^32 mod n, in which case it is skipped: that rejection makes
 * every index exactly equally likely, and happens with probability below n / 2^32. A resample takes
 * the next n accepted halves; a half left over when it is complete is discarded, so every resample
 * starts on a fresh word. No division and two indices per word: about twice as fast as {@code
 * SplittableRandom.nextInt(n)} on the B n = 20 million draws of a per-example bootstrap.
 */
final class IndexDraws {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final long LOW = 0xFFFFFFFFL;

  private final int n;
  private final long threshold; // 2^32 mod n
  private long state;

  IndexDraws(long seed, int n) {
    this(seed, n, (1L << 32) % n);
  }

  /** With another rejection threshold: lets a test exercise rejections, which 2^32 mod n hides. */
  IndexDraws(long seed, int n, long threshold) {
    this.n = n;
    this.threshold = threshold;
    this.state = seed;
  }

  /** The indices of the next resample, into {@code out[0..n)}. */
  void next(int[] out) {
    long s = state;
    int i = 0;
    while (i < n) {
      long word = mix64(s += GOLDEN_GAMMA);
      long product = (word & LOW) * n;
      if ((product & LOW) >= threshold) {
        out[i++] = (int) (product >>> 32);
      }
      if (i < n) {
        product = (word >>> 32) * n;
        if ((product & LOW) >= threshold) {
          out[i++] = (int) (product >>> 32);
        }
      }
    }
    state = s;
  }

  /**
   * sum_i values[j_i] over the indices j_1..j_n of the next resample: the same draws as {@link
   * #next}, without storing them. The hot loop of the per-example bootstrap: the common case, two
   * accepted halves, is one straight-line step into two independent sums; a rejection, and an odd
   * last index, take the general path for the rest of the resample. (Four sums over two words
   * measured slower.)
   */
  double sumOfNext(double[] values) {
    long s = state;
    double even = 0;
    double odd = 0;
    int i = 0;
    while (i + 1 < n) {
      long word = mix64(s + GOLDEN_GAMMA);
      long first = (word & LOW) * n;
      long second = (word >>> 32) * n;
      if ((first & LOW) < threshold || (second & LOW) < threshold) {
        break; // rare: a rejection; this word is redone the general way below
      }
      s += GOLDEN_GAMMA;
      even += values[(int) (first >>> 32)];
      odd += values[(int) (second >>> 32)];
      i += 2;
    }
    state = s;
    double sum = even + odd;
    return i < n ? sum + sumOfRest(values, n - i) : sum;
  }

  /** The general path of {@link #sumOfNext} for the last {@code count} indices of a resample. */
  private double sumOfRest(double[] values, int count) {
    double sum = 0;
    int i = 0;
    while (i < count) {
      long word = mix64(state += GOLDEN_GAMMA);
      long product = (word & LOW) * n;
      if ((product & LOW) >= threshold) {
        sum += values[(int) (product >>> 32)];
        i++;
      }
      if (i < count) {
        product = (word >>> 32) * n;
        if ((product & LOW) >= threshold) {
          sum += values[(int) (product >>> 32)];
          i++;
        }
      }
    }
    return sum;
  }

  /** SplitMix64's finaliser, as in {@code SplittableRandom.mix64}. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
