package io.s2l.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The built-in evaluation sets' table of contents ({@code s2l/evalsets/manifest.json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalSetManifest(int version, List<Entry> evalSets) {

  /** Kind of a set whose examples have an {@code answer}, scored on the answer bytes. */
  public static final String ANSWER = "answer";

  /** Kind of a set whose examples have {@code choices} and a {@code label}. */
  public static final String CHOICE = "choice";

  /**
   * One evaluation set.
   *
   * @param name file name without {@code .jsonl.gz}, such as {@code quiz}
   * @param kind {@link #ANSWER} or {@link #CHOICE}
   * @param examples number of examples
   * @param chance chance accuracy (choice sets), or null when the set has no accuracy
   * @param source where the examples came from
   * @param licence the licence they are under
   * @param description how the examples were made and how they are scored
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      String name,
      String kind,
      int examples,
      Double chance,
      String source,
      String licence,
      String description) {}

  public List<String> names() {
    return evalSets.stream().map(Entry::name).toList();
  }
}
