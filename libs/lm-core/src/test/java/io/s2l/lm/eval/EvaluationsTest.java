package io.s2l.lm.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationsTest {

  @Test
  void theChoiceMarginIsTheCorrectChoicesLogOddsAgainstTheOthers() {
    // s = (-1000, -1001, -1002), label 0: o = -1000 - log(e^-1001 + e^-1002)
    //   = 1 - log(1 + e^-1) = 0.686738..., finite although every e^s underflows.
    double[] nll = {7, 1000, 1001, 1002, 7};
    assertThat(Evaluations.choiceMargin(nll, 1, 3, 0))
        .isCloseTo(1 - Math.log1p(Math.exp(-1)), within(1e-12));
    // two choices: o = s_y - s_other
    assertThat(Evaluations.choiceMargin(new double[] {2.5, 4.0}, 0, 2, 1)).isEqualTo(-1.5);
  }
}
