package io.s2l.trainer.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code result.json}: what a trainer reports about the run it finished (docs/trainer-contract.md
 * section 3; schema {@link Contract#RESULT_SCHEMA}).
 *
 * @param contract always {@link Contract#VERSION}
 * @param paramsNonEmbedding N of 6ND: the parameters actually trained, embeddings excluded
 * @param paramsTotal every trained parameter
 * @param tokens D of 6ND: tokens (or images) actually trained on
 * @param steps optimiser steps
 * @param finalTrainLoss mean training loss over the last tenth of the steps
 * @param wallSeconds training time
 * @param device {@code cpu} or {@code gpu}
 * @param trainer the program's own name and version
 * @param checkpoints files the trainer kept, relative to the output directory; may be absent
 */
public record TrainerResult(
    String contract,
    long paramsNonEmbedding,
    long paramsTotal,
    long tokens,
    long steps,
    double finalTrainLoss,
    double wallSeconds,
    String device,
    Trainer trainer,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> checkpoints) {

  /** The trainer program that wrote the result. */
  public record Trainer(String name, String version) {}

  /** The checkpoints, or none. */
  public List<String> checkpointList() {
    return checkpoints == null ? List.of() : checkpoints;
  }

  /** Training compute, 6ND. */
  public double flops() {
    return 6.0 * paramsNonEmbedding * tokens;
  }
}
