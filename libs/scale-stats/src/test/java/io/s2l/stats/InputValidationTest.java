package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every paired entry point rejects the same bad inputs with the same messages. */
class InputValidationTest {

  static Stream<Arguments> entryPoints() {
    return Stream.of(
        entry("pearson", Correlation::pearson),
        entry("spearman", Correlation::spearman),
        entry("kendallTauB", Correlation::kendallTauB),
        entry("linearFit", (x, y) -> LinearFit.of(x, y).slope()),
        entry("decisionAccuracy", DecisionAccuracy::of),
        entry("scaleCorrelation", (x, y) -> ScaleCorrelation.of(x, y).pearsonR()),
        entry(
            "bootstrap",
            (x, y) -> new Bootstrap(10, 1L).interval(x, y, Correlation::pearson, 0.9).low()));
  }

  private static Arguments entry(String name, ToDoubleBiFunction<double[], double[]> f) {
    return Arguments.of(name, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entryPoints")
  void lengthMismatch(String name, ToDoubleBiFunction<double[], double[]> f) {
    assertThatThrownBy(() -> f.applyAsDouble(new double[] {1, 2, 3}, new double[] {1, 2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y must have the same length, got 3 and 4");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entryPoints")
  void fewerThanThreePoints(String name, ToDoubleBiFunction<double[], double[]> f) {
    assertThatThrownBy(() -> f.applyAsDouble(new double[] {1, 2}, new double[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least 3 paired points are required, got 2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entryPoints")
  void nanInput(String name, ToDoubleBiFunction<double[], double[]> f) {
    assertThatThrownBy(
            () -> f.applyAsDouble(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y[1] is NaN; all values must be finite");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entryPoints")
  void infiniteInput(String name, ToDoubleBiFunction<double[], double[]> f) {
    assertThatThrownBy(
            () ->
                f.applyAsDouble(
                    new double[] {1, 2, Double.NEGATIVE_INFINITY}, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x[2] is -Infinity; all values must be finite");
  }
}
