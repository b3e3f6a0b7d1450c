package io.s2l.worker.trainers;

import io.s2l.trainer.contract.TrainerSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * An evaluation set as a trainer gets it: its JSON-lines file and the ids of its examples in the
 * file's order, which is also the order in which a built-in run stores its losses.
 */
record EvalFile(
    String name, String kind, Path file, List<String> ids, Integer maxTextBytes, Double chance) {

  TrainerSpec.EvalSet toSpec() {
    return new TrainerSpec.EvalSet(name, kind, file.toString(), ids.size(), maxTextBytes, chance);
  }
}
