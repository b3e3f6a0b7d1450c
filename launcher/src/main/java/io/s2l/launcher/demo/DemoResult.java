package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A completed study as the API returned it, with when it was submitted, trained and analysed. An
 * attribution study has an {@code attribution} analysis and no {@code scaleCorrelation}; every
 * other study the reverse. A selection study also has its verified {@code selection}; a mixture
 * study has the verification of its recommended mixtures there, and no {@code scaleCorrelation}.
 */
public record DemoResult(
    JsonNode study,
    JsonNode scaleCorrelation,
    JsonNode attribution,
    JsonNode selection,
    JsonNode runs,
    Instant submittedAt,
    Instant trainedAt,
    Instant completedAt) {}
