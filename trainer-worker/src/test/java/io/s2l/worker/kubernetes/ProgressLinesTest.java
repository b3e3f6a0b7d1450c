package io.s2l.worker.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

  @Test
  void theLastProgressLineCountsAmongTheTrainersOtherLines() {
    String log =
        "{\"step\": 10, \"steps\": 1000, \"loss\": 5.1}\n"
            + "{\"step\": 120, \"steps\": 1000, \"tokens\": 122880, \"loss\": 3.912}\n"
            + "UserWarning: {something} went slowly\n"
            + "{\"event\": \"checkpoint\"}\n"
            + "{not json\n";

    assertThat(ProgressLines.latest(log)).isEqualTo(OptionalDouble.of(0.12));
  }

  @Test
  void noProgressLineOrNoTotalGivesNothing() {
    assertThat(ProgressLines.latest(null)).isEmpty();
    assertThat(ProgressLines.latest("starting\nloading data\n")).isEmpty();
    assertThat(ProgressLines.latest("{\"step\": 5, \"loss\": 2.0}\n")).isEmpty();
    assertThat(ProgressLines.latest("{\"step\": 5, \"steps\": 10}\n"))
        .as("a line without loss is not a progress line")
        .isEmpty();
  }

  @Test
  void progressStaysWithinZeroAndOne() {
    assertThat(ProgressLines.latest("{\"step\": 12, \"steps\": 10, \"loss\": 1}"))
        .isEqualTo(OptionalDouble.of(1.0));
  }
}
