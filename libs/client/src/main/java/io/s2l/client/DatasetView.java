package io.s2l.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded dataset.
 *
 * @param kind {@code corpus} or {@code evalset}
 * @param evalKind an evaluation set's kind (answers or choices), null for a corpus
 * @param domains a corpus's documents per domain
 * @param path where the artifact store keeps it
 */
public record DatasetView(
    UUID id,
    String name,
    String kind,
    String evalKind,
    long records,
    long bytes,
    String sha256,
    JsonNode domains,
    String path,
    Instant createdAt) {}
