package io.s2l.experiment.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded dataset as the API shows it.
 *
 * @param kind {@code corpus} or {@code evalset}
 * @param evalKind for evaluation sets: {@code answer} or {@code choice}
 * @param domains for corpora: documents per domain
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
