package io.s2l.lm.data;

import io.s2l.corpus.Document;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A domain's training documents as one UTF-8 byte stream, documents separated by a blank line. */
public record DomainText(String domain, byte[] bytes) {

  private static final byte[] SEPARATOR = "\n\n".getBytes(StandardCharsets.UTF_8);

  public static DomainText of(String domain, List<Document> documents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Document d : documents) {
      out.writeBytes(d.text().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(SEPARATOR);
    }
    return new DomainText(domain, out.toByteArray());
  }
}
