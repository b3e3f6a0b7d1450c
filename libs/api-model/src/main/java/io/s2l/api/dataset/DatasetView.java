package io.s2l.api.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded dataset ({@code POST /api/v1/datasets}, {@code GET /api/v1/datasets/{id}}).
 *
 * @param kind {@code corpus} or {@code evalset}
 * @param evalKind for evaluation sets: {@code answer} or {@code choice}; null for a corpus
 * @param domains for corpora: documents per domain
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
