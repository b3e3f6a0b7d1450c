package io.s2l.trainer.contract;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a trainer's outputs against its spec (docs/trainer-contract.md section 4) and returns them
 * typed: {@code result.json} first (its fields and paths), then every row of {@code losses.csv}
 * against the run, the result and the expected examples of each evaluation set. The first problem
 * found is thrown as a {@link ContractViolation}; nothing is returned for a partly valid output.
 */
public final class OutputValidator {

  private OutputValidator() {}

  /**
   * @param spec the spec the trainer was given
   * @param outputDir its output directory
   * @param expectedIds per evaluation set of the spec (every one, by name), the ids of its examples
   *     in the order of its file; the returned arrays follow this order
   */
  public static ValidatedOutputs validate(
      TrainerSpec spec, Path outputDir, Map<String, List<String>> expectedIds)
      throws ContractViolation {
    Map<String, SetCollector> sets = new LinkedHashMap<>();
    for (TrainerSpec.EvalSet set : spec.evalSets()) {
      List<String> ids = expectedIds.get(set.name());
      if (ids == null || ids.size() != set.examples()) {
        throw new IllegalArgumentException(
            "expected ids of set '"
                + set.name()
                + "' do not match its "
                + set.examples()
                + " examples");
      }
      sets.put(set.name(), new SetCollector(set, ids));
    }
    if (expectedIds.size() != sets.size()) {
      throw new IllegalArgumentException("expected ids name sets the spec does not have");
    }
    TrainerResult result = ResultReader.read(outputDir);
    new LossesReader(spec, result, sets).read(outputDir);
    Map<String, SetLosses> validated = new LinkedHashMap<>();
    for (SetCollector set : sets.values()) {
      validated.put(set.set().name(), set.finish());
    }
    return new ValidatedOutputs(result, validated);
  }
}
