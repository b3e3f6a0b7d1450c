package io.s2l.trainer.contract;

import java.util.Map;

/**
 * A trainer's outputs once {@link OutputValidator} accepted them.
 *
 * @param result {@code result.json}
 * @param sets every evaluation set of the spec, in the spec's order
 */
public record ValidatedOutputs(TrainerResult result, Map<String, SetLosses> sets) {}
