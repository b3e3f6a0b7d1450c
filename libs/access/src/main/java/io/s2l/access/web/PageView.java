package io.s2l.access.web;

import java.util.List;

/**
 * One page of a list, as every list of the API returns it: {@code page} from 0, {@code size} items
 * per page, {@code total} items in all.
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

  /** Largest page anyone may ask for. */
  public static final int MAX_SIZE = 100;

  /**
   * Checks a requested page.
   *
   * @throws BadInputException naming the parameter
   */
  public static void check(int page, int size) {
    if (page < 0) {
      throw new BadInputException("page: must be >= 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadInputException("size: must be between 1 and " + MAX_SIZE);
    }
  }

  public static long offset(int page, int size) {
    return (long) page * size;
  }
}
