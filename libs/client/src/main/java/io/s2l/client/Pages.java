package io.s2l.client;

import io.s2l.api.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged list, read a page at a time as the stream is consumed, so a caller that
 * stops early reads no further pages. Items added or removed while it reads may shift between pages
 * (lists are newest first), so one may be seen twice or not at all.
 */
final class Pages {

  /** The largest page the API serves. */
  static final int SIZE = 100;

  private Pages() {}

  static <T> Stream<T> all(IntFunction<Page<T>> fetch) {
    Iterator<T> items =
        new Iterator<>() {
          private Iterator<T> current = java.util.Collections.emptyIterator();
          private int next;
          private long seen;
          private boolean last;

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && !last) {
              Page<T> page = fetch.apply(next++);
              seen += page.items().size();
              last = page.items().isEmpty() || seen >= page.total();
              current = page.items().iterator();
            }
            return current.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
  }
}
