package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A re-run of a study's analysis, accepted by {@code POST /api/v1/studies/{id}/analyses}; all
 * fields required.
 *
 * @param job the queued job's key; its result becomes the study's next analysis version
 * @param status {@code QUEUED}
 */
public record AnalysisQueued(
    @JsonProperty(required = true) UUID studyId,
    @JsonProperty(required = true) String job,
    @JsonProperty(required = true) String status) {}
