package io.s2l.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progress lines: the contract's object, or a refusal naming the line and quoting its start. */
class ProgressParserTest {

  private final ProgressParser parser = new ProgressParser();

  @Test
  void readsProgressObjects() throws Exception {
    ProgressLine first =
        parser.parse("{\"step\": 120, \"steps\": 1000, \"tokens\": 122880, \"loss\": 3.912}");
    assertThat(first).isEqualTo(new ProgressLine(120, 1000L, 122880L, 3.912));
    assertThat(first.fraction()).isEqualTo(0.12);
    ProgressLine second = parser.parse("{\"step\": 120.0, \"loss\": 3, \"extra\": \"ignored\"}");
    assertThat(second).isEqualTo(new ProgressLine(120, null, null, 3.0));
    assertThat(second.fraction()).isNull();
    assertThat(parser.lines()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Traceback (most recent call last): | is not a progress object: Traceback (most recent call last):",
        "[1, 2] | is not a progress object: [1, 2]",
        "'' | 'is not a progress object: '",
        "{\"step\": 1, \"loss\": 2} trailing | is not a progress object: {\"step\": 1, \"loss\": 2} trailing",
        "{\"loss\": 2} | has no numeric 'step': {\"loss\": 2}",
        "{\"step\": \"5\", \"loss\": 2} | has no numeric 'step': {\"step\": \"5\", \"loss\": 2}",
        "{\"step\": 1.5, \"loss\": 2} | has a 'step' that is not a whole number >= 0: {\"step\": 1.5, \"loss\": 2}",
        "{\"step\": -1, \"loss\": 2} | has a 'step' that is not a whole number >= 0: {\"step\": -1, \"loss\": 2}",
        "{\"step\": 1} | has no numeric 'loss': {\"step\": 1}",
        "{\"step\": 1, \"loss\": \"low\"} | has no numeric 'loss': {\"step\": 1, \"loss\": \"low\"}",
        "{\"step\": 1, \"loss\": NaN} | has a loss that is not finite (NaN): {\"step\": 1, \"loss\": NaN}",
        "{\"step\": 1, \"loss\": Infinity} | has a loss that is not finite (Infinity): {\"step\": 1, \"loss\": Infinity}",
        "{\"step\": 1, \"steps\": -4, \"loss\": 2} | has a 'steps' that is not a whole number >= 0: {\"step\": 1, \"steps\": -4, \"loss\": 2}"
      })
  void refusesLinesThatAreNotProgressObjects(String line, String reason) {
    assertThatThrownBy(() -> parser.parse(line))
        .isInstanceOf(ContractViolation.class)
        .hasMessage("stdout line 1 " + reason);
  }

  @Test
  void refusesAStepThatGoesBack() throws Exception {
    parser.parse("{\"step\": 10, \"loss\": 2}");
    parser.parse("{\"step\": 10, \"loss\": 1.9}");
    assertThatThrownBy(() -> parser.parse("{\"step\": 9, \"loss\": 2}"))
        .isInstanceOf(ContractViolation.class)
        .hasMessage("stdout line 3 goes back to step 9 after step 10: {\"step\": 9, \"loss\": 2}");
  }

  @Test
  void quotesOnlyTheStartOfALongLine() {
    String line = "x".repeat(500);
    assertThatThrownBy(() -> parser.parse(line))
        .hasMessage("stdout line 1 is not a progress object: " + "x".repeat(80) + "...");
  }
}
