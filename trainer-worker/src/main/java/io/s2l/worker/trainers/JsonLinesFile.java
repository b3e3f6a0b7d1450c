package io.s2l.worker.trainers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A JSON-lines file of the shared artifact store, written once: into a temporary file beside it,
 * then renamed over it, so that no trainer (on this machine or another) reads a partial file, and
 * two workers writing it at once both leave a whole one.
 */
final class JsonLinesFile {

  private static final ObjectWriter JSON = new ObjectMapper().writer();

  private JsonLinesFile() {}

  /** Writes one JSON object per element unless {@code file} exists; returns {@code file}. */
  static Path writeOnce(Path file, Stream<?> lines) throws IOException {
    if (Files.isRegularFile(file)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        for (Iterator<?> it = lines.iterator(); it.hasNext(); ) {
          out.write(JSON.writeValueAsString(it.next()));
          out.write('\n');
        }
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }
}
