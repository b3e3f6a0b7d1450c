package io.s2l.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A registered trainer ({@code docs/api.md}, Trainers).
 *
 * @param command the program and its arguments
 * @param families the model families it trains
 * @param silenceSeconds how long it may write nothing before it is stopped
 * @param kubernetes where it runs as a Kubernetes job; null when it runs as a local process
 */
public record TrainerView(
    String name,
    List<String> command,
    List<String> families,
    boolean gpu,
    long memoryBytes,
    int silenceSeconds,
    JsonNode kubernetes,
    Instant createdAt) {}
