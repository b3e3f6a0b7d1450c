package io.s2l.trainer.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The header of {@code losses.csv}: the import format's columns in any order, {@code
 * correct,chance} when any set has answers (optional otherwise), {@code margin} and the four raw
 * answer score columns optional.
 */
final class LossesHeader {

  static final List<String> REQUIRED =
      List.of("scale", "params", "tokens", "distribution", "seed", "evalSet", "exampleId", "loss");
  static final List<String> OPTIONAL =
      Stream.concat(Stream.of("correct", "chance", "margin"), AnswerScoreFields.COLUMNS.stream())
          .toList();

  private final Map<String, Integer> columns;
  private final int width;

  private LossesHeader(Map<String, Integer> columns, int width) {
    this.columns = columns;
    this.width = width;
  }

  static LossesHeader of(String[] names, Collection<SetCollector> sets) throws ContractViolation {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        throw new ContractViolation("losses.csv: unknown column '" + name + "' in the header");
      }
      if (columns.put(name, i) != null) {
        throw new ContractViolation("losses.csv: column '" + name + "' appears twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!columns.containsKey(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new ContractViolation(
          "losses.csv: the header lacks column(s) " + String.join(",", missing));
    }
    if (columns.containsKey("correct") != columns.containsKey("chance")) {
      throw new ContractViolation("losses.csv: columns correct and chance go together");
    }
    if (!columns.containsKey("correct")) {
      for (SetCollector set : sets) {
        if (set.set().hasAnswers()) {
          throw new ContractViolation(
              "losses.csv: the header lacks correct,chance, which set '"
                  + set.set().name()
                  + "' needs");
        }
      }
    }
    return new LossesHeader(columns, names.length);
  }

  int width() {
    return width;
  }

  /** The row's value of a column; null when the header has no such column. */
  String value(String[] row, String column) {
    Integer at = columns.get(column);
    return at == null ? null : row[at];
  }
}
