package io.s2l.plots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies and argument checks shared by the specs and charts. */
final class Check {

  private Check() {}

  /**
   * An unmodifiable copy; null becomes empty. Null elements are kept so that the chart can reject
   * them with a message naming the index (List.copyOf would throw a bare NullPointerException).
   */
  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
    return value;
  }

  static void noNullElements(List<?> list, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new IllegalArgumentException(name + "[" + i + "] is null");
      }
    }
  }
}
