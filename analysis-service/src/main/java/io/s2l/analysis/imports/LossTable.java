package io.s2l.analysis.imports;

import io.s2l.stats.metrics.AnswerScores;
import java.util.List;
import java.util.Map;

/**
 * An imported results table, validated and organised as arrays: one loss array per (scale,
 * distribution, seed, evaluation set), examples in the order of {@link EvalSet#exampleIds()}.
 *
 * @param scales scale names, smallest first
 * @param params non-embedding parameters per scale
 * @param tokens training tokens per run, keyed by {@link #runKey}
 * @param cells per-example losses (and correctness where the set has accuracy), keyed by {@link
 *     #cellKey}
 */
public record LossTable(
    String referenceScale,
    List<String> scales,
    Map<String, Long> params,
    List<String> distributions,
    List<Long> seeds,
    List<EvalSet> evalSets,
    Map<String, Long> tokens,
    Map<String, Cell> cells,
    long rows) {

  /**
   * @param chance chance accuracy, or null when the set has no accuracy
   */
  public record EvalSet(String name, List<String> exampleIds, Double chance) {}

  /**
   * @param correct null when the set has no accuracy
   * @param scores the raw answer scores (docs/science.md section 2.12), null when not imported
   */
  public record Cell(float[] losses, boolean[] correct, AnswerScores scores) {

    public Cell(float[] losses, boolean[] correct) {
      this(losses, correct, null);
    }
  }

  public static String runKey(String scale, String distribution, long seed) {
    return scale + '\u0000' + distribution + '\u0000' + seed;
  }

  public static String cellKey(String scale, String distribution, long seed, String evalSet) {
    return runKey(scale, distribution, seed) + '\u0000' + evalSet;
  }
}
