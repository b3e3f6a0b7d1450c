package io.s2l.experiment.trainer;

import io.s2l.study.TrainerRef;
import java.time.Instant;

/**
 * A trainer as the registry holds it.
 *
 * @param definition the registration, defaults filled in: what studies snapshot
 * @param createdAt when it was registered
 */
public record RegisteredTrainer(TrainerRef definition, Instant createdAt) {}
