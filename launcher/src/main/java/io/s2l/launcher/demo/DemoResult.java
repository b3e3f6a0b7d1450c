package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A completed study as the API returned it, with when it was submitted, trained and analysed. */
public record DemoResult(
    JsonNode study,
    JsonNode scaleCorrelation,
    JsonNode runs,
    Instant submittedAt,
    Instant trainedAt,
    Instant completedAt) {}
