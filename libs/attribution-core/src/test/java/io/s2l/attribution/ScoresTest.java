package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void isRowMajorTargetsByPool() {
    Scores s = new Scores(2, 3, new float[] {1, 2, 3, 4, 5, 6});
    assertThat(s.get(1, 0)).isEqualTo(4f);
    assertThat(s.row(1)).containsExactly(4, 5, 6);
    assertThat(s).isEqualTo(new Scores(2, 3, new float[] {1, 2, 3, 4, 5, 6}));
    assertThat(s).hasToString("Scores[2 targets x 3 pool examples]");
  }

  @Test
  void refusesValuesOfTheWrongLength() {
    assertThatThrownBy(() -> new Scores(2, 3, new float[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("values has 5 scores, 2 targets x 3 pool examples need 6");
    assertThatThrownBy(() -> new Scores(2, 3, new float[6]).get(0, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
