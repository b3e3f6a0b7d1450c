package io.s2l.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parameter and compute accounting, against closed forms worked by hand. */
class ClassifierScaleTest {

  @Test
  void mlpParametersAreWeightsPlusBiasesOfEveryLinearLayer() {
    ClassifierScale mlp = new ClassifierScale("mlp-64", "mlp", 64, 2);
    // 8x8x1 digits: (64 + 1) 64 + (64 + 1) 64 + (64 + 1) 10
    assertThat(mlp.params(8, 8, 1, 10)).isEqualTo(4160 + 4160 + 650);
    assertThat(mlp.multiplyAdds(8, 8, 1, 10)).isEqualTo(mlp.params(8, 8, 1, 10));
  }

  @Test
  void cnnParametersDoNotDependOnTheImageSize() {
    ClassifierScale cnn = new ClassifierScale("cnn-16", "cnn", 16, 2);
    // (9 x 1 + 1) 16 + (9 x 16 + 1) 16 + (16 + 1) 10
    assertThat(cnn.params(8, 8, 1, 10)).isEqualTo(160 + 2320 + 170);
    assertThat(cnn.params(32, 32, 1, 10)).isEqualTo(cnn.params(8, 8, 1, 10));
  }

  @Test
  void cnnMultiplyAddsCountEachConvolutionAtItsResolution() {
    ClassifierScale cnn = new ClassifierScale("cnn-16", "cnn", 16, 3);
    // 8x8 -> conv, pool -> 4x4 -> conv, pool -> 2x2 -> conv (no pool below 4x4)
    long expected = 64 * 10 * 16 + 16 * 145 * 16 + 4 * 145 * 16 + 17 * 10;
    assertThat(cnn.multiplyAdds(8, 8, 1, 10)).isEqualTo(expected);
  }

  @Test
  void refusesMeaninglessScales() {
    assertThatThrownBy(() -> new ClassifierScale("x", "resnet", 8, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("family");
    assertThatThrownBy(() -> new ClassifierScale("x", "mlp", 0, 1)).hasMessageContaining("width");
    assertThatThrownBy(() -> new ClassifierScale("x", "cnn", 8, 0)).hasMessageContaining("depth");
  }
}
