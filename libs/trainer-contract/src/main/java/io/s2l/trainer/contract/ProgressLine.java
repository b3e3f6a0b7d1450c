package io.s2l.trainer.contract;

/**
 * One progress line of a trainer's standard output (docs/trainer-contract.md section 3), such as
 * {@code {"step": 120, "steps": 1000, "tokens": 122880, "loss": 3.912}}.
 *
 * @param step steps done; never decreases from one line to the next
 * @param steps the total number of steps, or null when not given
 * @param tokens tokens trained so far, or null when not given
 * @param loss the training loss of that step (finite)
 */
public record ProgressLine(long step, Long steps, Long tokens, double loss) {

  /** The fraction of the steps done, in [0, 1]; null without a positive total. */
  public Double fraction() {
    if (steps == null || steps <= 0) {
      return null;
    }
    return Math.min(1.0, Math.max(0.0, (double) step / steps));
  }
}
