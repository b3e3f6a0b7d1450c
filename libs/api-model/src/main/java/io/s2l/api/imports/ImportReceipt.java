package io.s2l.api.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * What an accepted import holds. Its id is also its study id: the analysis is served at {@code
 * /api/v1/studies/{id}/scale-correlation}. Answered by {@code POST /api/v1/imports}; all fields
 * required.
 */
public record ImportReceipt(
    @JsonProperty(required = true) UUID id,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) long rows,
    @JsonProperty(required = true) String sha256,
    @JsonProperty(required = true) List<String> scales,
    @JsonProperty(required = true) int distributions,
    @JsonProperty(required = true) int seeds,
    @JsonProperty(required = true) List<String> evalSets) {}
