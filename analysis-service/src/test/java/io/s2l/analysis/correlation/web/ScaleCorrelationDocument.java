package io.s2l.analysis.correlation.web;

import io.s2l.analysis.GoldenDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A stored scale-correlation result as the analysis writes it: the golden document (reference
 * {@code big}; proxies {@code tiny} and {@code mid} on {@code heldout/code} and {@code quiz}).
 */
final class ScaleCorrelationDocument {

  static final String JSON = golden();

  private ScaleCorrelationDocument() {}

  private static String golden() {
    try {
      return GoldenDocuments.text("scale-correlation");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
