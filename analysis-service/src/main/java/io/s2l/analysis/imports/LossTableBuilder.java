package io.s2l.analysis.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accepts the rows of an import one at a time, checks each, and places its loss straight into the
 * array of its (scale, distribution, seed, evaluation set): no object per row is kept, so an import
 * of tens of millions of losses needs about 5 bytes of memory per loss. Collects the first {@value
 * #MAX_ERRORS} errors and counts the rest.
 */
public final class LossTableBuilder {

  static final int MAX_ERRORS = 100;

  private final ImportLimits limits;
  private final List<ImportError> errors = new ArrayList<>();
  private long errorCount;
  private long rows;
  private final Map<String, Long> params = new LinkedHashMap<>();
  private final LinkedHashSet<String> distributions = new LinkedHashSet<>();
  private final TreeSet<Long> seeds = new TreeSet<>();
  private final Map<String, Examples> evalSets = new LinkedHashMap<>();
  private final Map<String, Long> tokens = new HashMap<>();
  private final Map<String, GrowingCell> cells = new HashMap<>();
  private GrowingCell lastCell;
  private String lastCellKey;
  private int examples;
  private long losses;

  public LossTableBuilder(ImportLimits limits) {
    this.limits = limits;
  }

  public void error(long row, String column, String reason) {
    errorCount++;
    if (errors.size() < MAX_ERRORS) {
      errors.add(new ImportError(row, column, reason));
    }
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }

  /**
   * One row; {@code correct} and {@code chance} are null where the table has no such column, and
   * {@code answer} holds the raw answer score columns ({@link AnswerColumns#NAMES}, in that order),
   * or is null where the table has none of them.
   */
  public void row(
      long row,
      String scale,
      String paramsText,
      String tokensText,
      String distribution,
      String seedText,
      String evalSet,
      String exampleId,
      String lossText,
      String correctText,
      String chanceText,
      String[] answer) {
    rows++;
    long before = errorCount;
    require(row, "scale", scale);
    require(row, "distribution", distribution);
    require(row, "evalSet", evalSet);
    require(row, "exampleId", exampleId);
    long n = positiveLong(row, "params", paramsText);
    long d = positiveLong(row, "tokens", tokensText);
    Long seed = integer(row, "seed", seedText);
    float loss = finiteFloat(row, "loss", lossText);
    Double chance = blank(chanceText) ? null : probability(row, "chance", chanceText);
    Boolean correct = blank(correctText) ? null : bool(row, "correct", correctText);
    AnswerColumns.Row scores = AnswerColumns.parse(this, row, answer);
    if (errorCount > before) {
      return;
    }
    if (chance != null && correct == null) {
      error(row, "correct", "is required where chance is given");
      return;
    }
    if (correct != null && chance == null) {
      error(row, "chance", "is required where correct is given");
      return;
    }
    if (!params.containsKey(scale) && params.size() >= limits.scales()) {
      throw new ImportLimitExceededException(
          row, "scale", "scales", limits.scales(), "s2l.analysis.max-import-scales");
    }
    if (!consistent(row, "params", params, scale, n, "scale '" + scale + "'")) {
      return;
    }
    String run = LossTable.runKey(scale, distribution, seed);
    if (!consistent(
        row, "tokens", tokens, run, d, "the run " + scale + "/" + distribution + "/" + seed)) {
      return;
    }
    if (!distributions.contains(distribution) && distributions.size() >= limits.distributions()) {
      throw new ImportLimitExceededException(
          row,
          "distribution",
          "distributions",
          limits.distributions(),
          "s2l.analysis.max-import-distributions");
    }
    if (!seeds.contains(seed) && seeds.size() >= limits.seeds()) {
      throw new ImportLimitExceededException(
          row, "seed", "seeds", limits.seeds(), "s2l.analysis.max-import-seeds");
    }
    distributions.add(distribution);
    seeds.add(seed);
    Examples examples = evalSets.get(evalSet);
    if (examples == null) {
      if (evalSets.size() >= limits.evalSets()) {
        throw new ImportLimitExceededException(
            row,
            "evalSet",
            "evaluation sets",
            limits.evalSets(),
            "s2l.analysis.max-import-eval-sets");
      }
      examples = new Examples(chance);
      evalSets.put(evalSet, examples);
    } else if (!java.util.Objects.equals(examples.chance, chance)) {
      error(
          row,
          "chance",
          "differs from earlier rows of evaluation set '"
              + evalSet
              + "' ("
              + examples.chance
              + ")");
      return;
    }
    int index = examples.indexOf(exampleId, row, this);
    GrowingCell cell = cell(scale, distribution, seed, evalSet, chance != null, scores != null);
    String where = scale + "/" + distribution + "/" + seed + " on " + evalSet;
    if (cell.scores == null != (scores == null)) {
      error(row, "answerLogprobs", "give answer scores for every row of " + where + " or none");
      return;
    }
    if (cell.put(index, loss, correct, scores)) {
      losses++;
    } else {
      error(row, "exampleId", "a second loss for example '" + exampleId + "' of " + where);
    }
  }

  /** Counts a new example id of any evaluation set against the import's limit. */
  private void newExample(long row) {
    if (examples >= limits.examples()) {
      throw new ImportLimitExceededException(
          row, "exampleId", "example ids", limits.examples(), "s2l.analysis.max-import-examples");
    }
    examples++;
  }

  private GrowingCell cell(
      String scale,
      String distribution,
      long seed,
      String evalSet,
      boolean withCorrect,
      boolean withScores) {
    String key = LossTable.cellKey(scale, distribution, seed, evalSet);
    if (!key.equals(lastCellKey)) {
      lastCellKey = key;
      lastCell = cells.computeIfAbsent(key, k -> new GrowingCell(withCorrect, withScores));
    }
    return lastCell;
  }

  /** Checks the whole table; throws {@link ImportRejectedException} listing every problem. */
  public LossTable build(String reference) {
    if (rows == 0 && errorCount == 0) {
      error(0, null, "the table has no rows");
    }
    if (errorCount == 0) {
      checkStructure(reference);
    }
    if (errorCount > 0) {
      throw new ImportRejectedException(errors, errorCount);
    }
    List<String> scales = new ArrayList<>(params.keySet());
    scales.sort(Comparator.comparing(params::get));
    List<LossTable.EvalSet> sets = new ArrayList<>();
    evalSets.forEach(
        (name, e) -> sets.add(new LossTable.EvalSet(name, List.copyOf(e.ids), e.chance)));
    Map<String, LossTable.Cell> finished = new HashMap<>();
    for (Map.Entry<String, GrowingCell> c : cells.entrySet()) {
      String evalSet = c.getKey().substring(c.getKey().lastIndexOf('\u0000') + 1);
      finished.put(c.getKey(), c.getValue().finish(evalSets.get(evalSet).ids.size()));
    }
    return new LossTable(
        reference,
        scales,
        Map.copyOf(params),
        List.copyOf(distributions),
        List.copyOf(seeds),
        sets,
        Map.copyOf(tokens),
        finished,
        rows);
  }

  private void checkStructure(String reference) {
    if (reference == null || reference.isBlank()) {
      error(
          0,
          "reference",
          "name the reference scale (query parameter reference or field referenceScale)");
    } else if (!params.containsKey(reference)) {
      error(0, "reference", "names no scale of the table; scales: " + params.keySet());
    } else {
      for (Map.Entry<String, Long> p : params.entrySet()) {
        if (!p.getKey().equals(reference) && p.getValue() >= params.get(reference)) {
          error(
              0,
              "reference",
              "the reference must have the most params; '" + p.getKey() + "' has " + p.getValue());
        }
      }
    }
    if (params.size() < 2) {
      error(0, "scale", "at least two scales are required (proxies and a reference)");
    }
    if (distributions.size() < 3) {
      error(0, "distribution", "at least three distributions are required to correlate across");
    }
    checkComplete();
  }

  /**
   * Every (scale, distribution, seed) needs a loss for every example of every evaluation set. Each
   * accepted row filled one such place once, so the table is complete exactly when it has as many
   * losses as the shape asks for: checked by counting, without walking the cross product. Only an
   * incomplete table whose cross product of cells is no larger than its rows is walked, to name the
   * cells with missing examples; a larger one cannot be complete and is refused by its counts.
   */
  private void checkComplete() {
    long runs = product(product(params.size(), distributions.size()), seeds.size());
    long needed = product(runs, examples);
    if (losses == needed) {
      return;
    }
    long cellCount = product(runs, evalSets.size());
    if (cellCount > rows) {
      error(
          0,
          null,
          String.format(
              "the table cannot be complete: %d scales x %d distributions x %d seeds need a loss"
                  + " for each of the %d examples of its %d evaluation set(s), %s losses, and it"
                  + " has %d",
              params.size(),
              distributions.size(),
              seeds.size(),
              examples,
              evalSets.size(),
              needed == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : needed,
              losses));
      return;
    }
    for (String scale : params.keySet()) {
      for (String distribution : distributions) {
        for (long seed : seeds) {
          for (Map.Entry<String, Examples> set : evalSets.entrySet()) {
            missing(scale, distribution, seed, set.getKey(), set.getValue());
          }
        }
      }
    }
  }

  private void missing(String scale, String distribution, long seed, String set, Examples e) {
    GrowingCell cell = cells.get(LossTable.cellKey(scale, distribution, seed, set));
    int expected = e.ids.size();
    int have = cell == null ? 0 : cell.filled.cardinality();
    if (have == expected) {
      return;
    }
    if (errors.size() >= MAX_ERRORS) {
      errorCount++; // counted, not described: the first errors say enough
      return;
    }
    int first = cell == null ? 0 : cell.filled.nextClearBit(0);
    error(
        0,
        null,
        String.format(
            "scale %s, distribution %s, seed %d, evaluation set %s: %d of %d examples missing"
                + " (first: '%s')",
            scale, distribution, seed, set, expected - have, expected, e.ids.get(first)));
  }

  /** a x b, or Long.MAX_VALUE where that would overflow. */
  private static long product(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private boolean consistent(
      long row, String column, Map<String, Long> seen, String key, long value, String what) {
    Long earlier = seen.get(key);
    if (earlier == null) {
      seen.put(key, value);
      return true;
    }
    if (earlier != value) {
      error(row, column, value + " differs from earlier rows of " + what + " (" + earlier + ")");
      return false;
    }
    return true;
  }

  private void require(long row, String column, String value) {
    if (blank(value)) {
      error(row, column, "is required");
    } else if (value.indexOf('\u0000') >= 0) {
      error(row, column, "must not contain NUL characters");
    } else if (value.length() > 500) {
      error(row, column, "must be at most 500 characters");
    }
  }

  private long positiveLong(long row, String column, String text) {
    try {
      long value = Long.parseLong(text.trim());
      if (value <= 0) {
        error(row, column, "must be a positive integer, not " + value);
      }
      return value;
    } catch (NumberFormatException | NullPointerException e) {
      error(row, column, "must be a positive integer, not '" + text + "'");
      return 0;
    }
  }

  private Long integer(long row, String column, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException | NullPointerException e) {
      error(row, column, "must be an integer, not '" + text + "'");
      return 0L;
    }
  }

  private float finiteFloat(long row, String column, String text) {
    try {
      float value = Float.parseFloat(text.trim());
      if (!Float.isFinite(value)) {
        error(row, column, "must be a finite number, not " + text.trim());
      }
      return value;
    } catch (NumberFormatException | NullPointerException e) {
      error(row, column, "must be a number, not '" + text + "'");
      return Float.NaN;
    }
  }

  private Double probability(long row, String column, String text) {
    try {
      double value = Double.parseDouble(text.trim());
      if (!(value >= 0 && value <= 1)) {
        error(row, column, "must be between 0 and 1, not " + text.trim());
      }
      return value;
    } catch (NumberFormatException e) {
      error(row, column, "must be a number between 0 and 1, not '" + text + "'");
      return null;
    }
  }

  private Boolean bool(long row, String column, String text) {
    switch (text.trim()) {
      case "1", "true", "TRUE", "True" -> {
        return true;
      }
      case "0", "false", "FALSE", "False" -> {
        return false;
      }
      default -> {
        error(row, column, "must be 0, 1, true or false, not '" + text + "'");
        return null;
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Example ids of an evaluation set in first-seen order, and its chance accuracy. */
  private static final class Examples {
    final Map<String, Integer> index = new HashMap<>();
    final List<String> ids = new ArrayList<>();
    final Double chance;

    Examples(Double chance) {
      this.chance = chance;
    }

    int indexOf(String id, long row, LossTableBuilder builder) {
      Integer i = index.get(id);
      if (i == null) {
        builder.newExample(row);
        i = ids.size();
        index.put(id, i);
        ids.add(id);
      }
      return i;
    }
  }

  /**
   * A loss array that grows as examples appear, with a bit per example already filled; where the
   * rows carry answer scores, one small record per example (the only per-row objects kept).
   */
  private static final class GrowingCell {
    static final int INITIAL = 16;
    // small at first: a table of many runs with few examples each has one cell per row
    float[] losses = new float[INITIAL];
    boolean[] correct;
    AnswerColumns.Row[] scores;
    final BitSet filled = new BitSet();

    GrowingCell(boolean withCorrect, boolean withScores) {
      correct = withCorrect ? new boolean[INITIAL] : null;
      scores = withScores ? new AnswerColumns.Row[INITIAL] : null;
    }

    boolean put(int index, float loss, Boolean isCorrect, AnswerColumns.Row answer) {
      if (filled.get(index)) {
        return false;
      }
      if (index >= losses.length) {
        int size = Math.max(index + 1, losses.length * 2);
        losses = Arrays.copyOf(losses, size);
        if (correct != null) {
          correct = Arrays.copyOf(correct, size);
        }
        if (scores != null) {
          scores = Arrays.copyOf(scores, size);
        }
      }
      losses[index] = loss;
      if (correct != null && isCorrect != null) {
        correct[index] = isCorrect;
      }
      if (scores != null) {
        scores[index] = answer;
      }
      filled.set(index);
      return true;
    }

    LossTable.Cell finish(int examples) {
      return new LossTable.Cell(
          Arrays.copyOf(losses, examples),
          correct == null ? null : Arrays.copyOf(correct, examples),
          scores == null ? null : AnswerColumns.flatten(scores, examples));
    }
  }
}
