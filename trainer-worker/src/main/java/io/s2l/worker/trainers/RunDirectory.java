package io.s2l.worker.trainers;

import io.s2l.trainer.contract.TrainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One attempt's run directory, ready for its trainer.
 *
 * @param dir {@code <artifacts>/<run path>/attempt-<n>}: working directory, {@code trainer.log}
 * @param specFile {@code spec.json} in it
 * @param outputDir {@code out/} in it, empty
 * @param spec what {@code spec.json} says
 * @param expectedIds per evaluation set, the ids of its examples in the order of its file
 */
public record RunDirectory(
    Path dir,
    Path specFile,
    Path outputDir,
    TrainerSpec spec,
    Map<String, List<String>> expectedIds) {}
