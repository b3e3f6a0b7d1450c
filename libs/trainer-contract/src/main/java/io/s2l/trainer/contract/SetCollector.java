package io.s2l.trainer.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code losses.csv} for one evaluation set, placed by example id into arrays in the
 * order of the set's file: each expected example exactly once, no other.
 */
final class SetCollector {

  private final TrainerSpec.EvalSet set;
  private final List<String> ids;
  private final Map<String, Integer> index;
  private final float[] losses;
  private final boolean[] seen;
  private final boolean[] correct;
  private final float[] margins;
  private final SetLosses.Answer[] answers;
  private int answerCount;
  private int seenCount;
  private int marginCount;
  private String withoutMargin;

  SetCollector(TrainerSpec.EvalSet set, List<String> ids) {
    this.set = set;
    this.ids = ids;
    this.index = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (index.put(ids.get(i), i) != null) {
        throw new IllegalArgumentException(
            "set '" + set.name() + "' lists example '" + ids.get(i) + "' twice");
      }
    }
    this.losses = new float[ids.size()];
    this.seen = new boolean[ids.size()];
    this.correct = set.hasAnswers() ? new boolean[ids.size()] : null;
    this.margins = new float[ids.size()];
    this.answers = new SetLosses.Answer[ids.size()];
  }

  TrainerSpec.EvalSet set() {
    return set;
  }

  int size() {
    return ids.size();
  }

  /**
   * Places one row; {@code isCorrect} only for sets with answers, {@code margin} and {@code answer}
   * may be null.
   */
  void add(
      String where, String id, float loss, Boolean isCorrect, Float margin, SetLosses.Answer answer)
      throws ContractViolation {
    Integer at = index.get(id);
    if (at == null) {
      throw new ContractViolation(where + "set '" + set.name() + "' has no example '" + id + "'");
    }
    if (seen[at]) {
      throw new ContractViolation(
          where + "set '" + set.name() + "' example '" + id + "' is given twice");
    }
    seen[at] = true;
    seenCount++;
    losses[at] = loss;
    if (correct != null) {
      correct[at] = isCorrect;
    }
    if (answer != null) {
      answers[at] = answer;
      answerCount++;
    }
    if (margin != null) {
      margins[at] = margin;
      marginCount++;
    } else if (withoutMargin == null) {
      withoutMargin = id;
    }
  }

  /** The arrays, once every example has its row. */
  SetLosses finish() throws ContractViolation {
    if (seenCount == 0) {
      throw new ContractViolation("losses.csv: evaluation set '" + set.name() + "' is missing");
    }
    if (seenCount < ids.size()) {
      throw new ContractViolation(
          "losses.csv: set '"
              + set.name()
              + "' is missing example '"
              + ids.get(firstUnseen())
              + "' ("
              + (ids.size() - seenCount)
              + " of "
              + ids.size()
              + " missing)");
    }
    if (marginCount > 0 && marginCount < ids.size()) {
      throw new ContractViolation(
          "losses.csv: set '"
              + set.name()
              + "' gives margins, but none for example '"
              + withoutMargin
              + "'");
    }
    if (answerCount > 0 && answerCount < ids.size()) {
      throw new ContractViolation(
          "losses.csv: set '"
              + set.name()
              + "' gives answer scores for "
              + answerCount
              + " of its "
              + ids.size()
              + " examples; give them for every example or none");
    }
    return new SetLosses(
        losses,
        correct,
        set.hasAnswers() ? set.chance() : null,
        marginCount > 0 ? margins : null,
        answerCount > 0 ? List.of(answers) : null);
  }

  private int firstUnseen() {
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        return i;
      }
    }
    return -1;
  }
}
