package io.s2l.analysis.attribution;

import io.s2l.study.AttributionJobSpec;
import io.s2l.study.SelectionSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The target examples attribution scores are computed for, in score-row order: examples of an image
 * set's test split or of a text study's target set. An attribution study takes the first {@code
 * targets} of them; a selection study those of its target classes (all of them in a text study),
 * whose even positions choose the data and odd positions (the holdout) verify it.
 *
 * @param testIndices per score row, its index in the test split or target set
 */
record TargetTask(int[] testIndices) {

  /**
   * @param tests examples in the test split or target set
   * @param labels their labels (image studies), or null
   */
  static TargetTask of(AttributionJobSpec spec, int tests, int[] labels) {
    SelectionSpec selection = spec.selection();
    if (selection == null) {
      Integer targets = spec.settings().targets();
      int count = targets == null ? tests : Math.min(targets, tests);
      return new TargetTask(IntStream.range(0, count).toArray());
    }
    List<Integer> classes = selection.targetClasses();
    Set<Integer> wanted = classes == null ? null : new HashSet<>(classes);
    int[] indices =
        IntStream.range(0, tests)
            .filter(i -> wanted == null || wanted.contains(labels[i]))
            .toArray();
    if (indices.length < 2) {
      throw new IllegalArgumentException(
          (classes == null ? "the target task" : "the target classes " + classes)
              + " has "
              + indices.length
              + " examples; at least 2 are needed (one to choose, one to verify)");
    }
    return new TargetTask(indices);
  }

  int size() {
    return testIndices.length;
  }

  /** Score rows that choose the data: even positions. */
  int[] selectionRows() {
    return IntStream.range(0, testIndices.length).filter(r -> r % 2 == 0).toArray();
  }

  /** Score rows that verify it: odd positions. */
  int[] holdoutRows() {
    return IntStream.range(0, testIndices.length).filter(r -> r % 2 == 1).toArray();
  }

  /** Test-set indices of the given score rows. */
  int[] testIndicesOf(int[] rows) {
    return IntStream.of(rows).map(r -> testIndices[r]).toArray();
  }
}
