package io.s2l.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The pool examples that most help or most harm one target, by their attribution scores. With
 * tau(z)_i the predicted change of the target's correct-class margin when i is in the training set
 * (see {@link Scores}): helpful examples have the largest positive scores, harmful ones the most
 * negative. Ties are broken by the smaller example index.
 */
public final class TopExamples {

  private TopExamples() {}

  /** A pool example and its score for the target. */
  public record Ranked(int example, float score) {}

  /**
   * Up to count examples with score &gt; 0, largest first (fewer if fewer are positive).
   *
   * @throws IllegalArgumentException if count &lt; 0
   * @throws IndexOutOfBoundsException if target is not a row of s
   */
  public static List<Ranked> helpful(Scores s, int target, int count) {
    return top(s, target, count, 1);
  }

  /**
   * Up to count examples with score &lt; 0, most negative first (fewer if fewer are negative).
   *
   * @throws IllegalArgumentException if count &lt; 0
   * @throws IndexOutOfBoundsException if target is not a row of s
   */
  public static List<Ranked> harmful(Scores s, int target, int count) {
    return top(s, target, count, -1);
  }

  /** The count examples with the largest sign * score among those with sign * score &gt; 0. */
  private static List<Ranked> top(Scores s, int target, int count, int sign) {
    Objects.requireNonNull(s, "s");
    Objects.checkIndex(target, s.targets());
    if (count < 0) {
      throw new IllegalArgumentException("count must be non-negative, got " + count);
    }
    Comparator<Ranked> better =
        Comparator.<Ranked>comparingDouble(r -> sign * r.score())
            .thenComparing(Ranked::example, Comparator.reverseOrder());
    PriorityQueue<Ranked> kept = new PriorityQueue<>(better); // worst kept example at the head
    int offset = target * s.pool();
    float[] values = s.values();
    for (int i = 0; i < s.pool() && count > 0; i++) {
      float score = values[offset + i];
      if (sign * score > 0) {
        Ranked candidate = new Ranked(i, score);
        if (kept.size() < count) {
          kept.add(candidate);
        } else if (better.compare(candidate, kept.peek()) > 0) {
          kept.poll();
          kept.add(candidate);
        }
      }
    }
    List<Ranked> ranked = new ArrayList<>(kept);
    ranked.sort(better.reversed());
    return List.copyOf(ranked);
  }
}
