package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class HistogramTest {

  private static final double[] EDGES = {0, 0.25, 0.5, 0.75, 1};
  private static final long[] COUNTS = {3, 0, 12, 6};

  private static HistogramSpec spec(double[] edges, long[] counts) {
    return new HistogramSpec("residuals", "residual", edges, counts);
  }

  @Test
  void drawsOneBarPerBinIncludingEmptyBins() {
    SvgDoc doc = SvgDoc.parse(Svg.histogram(spec(EDGES, COUNTS)));
    assertThat(doc.root().getNamespaceURI()).isEqualTo(SvgDoc.SVG_NS);
    List<Element> bars = doc.byClass("bar");
    assertThat(bars)
        .extracting(SvgDoc::tooltip)
        .containsExactly("[0, 0.25): 3", "[0.25, 0.5): 0", "[0.5, 0.75): 12", "[0.75, 1]: 6");
    assertThat(SvgDoc.number(bars.get(1), "height")).isZero();
  }

  @Test
  void barHeightsAreProportionalToCounts() {
    List<Element> bars = SvgDoc.parse(Svg.histogram(spec(EDGES, COUNTS))).byClass("bar");
    double perCount = SvgDoc.number(bars.get(2), "height") / 12;
    assertThat(SvgDoc.number(bars.get(0), "height")).isCloseTo(3 * perCount, within(0.02));
    assertThat(SvgDoc.number(bars.get(3), "height")).isCloseTo(6 * perCount, within(0.02));
    // Adjacent bars share an edge.
    double rightOfFirst = SvgDoc.number(bars.get(0), "x") + SvgDoc.number(bars.get(0), "width");
    assertThat(SvgDoc.number(bars.get(1), "x")).isCloseTo(rightOfFirst, within(0.02));
  }

  @Test
  void countAxisUsesWholeNumbers() {
    SvgDoc doc = SvgDoc.parse(Svg.histogram(spec(new double[] {0, 1, 2}, new long[] {1, 0})));
    assertThat(doc.yTickLabels()).containsExactly("0", "1");
  }

  @Test
  void noBinsSaysNoData() {
    SvgDoc doc = SvgDoc.parse(Svg.histogram(spec(new double[] {0}, new long[0])));
    assertThat(doc.byClass("no-data")).hasSize(1);
    assertThat(doc.byClass("bar")).isEmpty();
  }

  @Test
  void sameSpecGivesTheSameBytes() {
    assertThat(Svg.histogram(spec(EDGES.clone(), COUNTS.clone())))
        .isEqualTo(Svg.histogram(spec(EDGES, COUNTS)));
  }

  @Test
  void rejectsEdgesThatDoNotBoundTheCounts() {
    assertThatThrownBy(() -> Svg.histogram(spec(new double[] {0, 1, 2}, new long[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges must have counts.length + 1 = 4 values, got 3");
    assertThatThrownBy(() -> Svg.histogram(spec(new double[0], new long[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges must have counts.length + 1 = 1 values, got 0");
  }

  @Test
  void rejectsEdgesThatDoNotIncreaseStrictly() {
    assertThatThrownBy(() -> Svg.histogram(spec(new double[] {0, 1, 1}, new long[] {1, 2})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges must increase strictly, but edges[2] = 1 <= edges[1] = 1");
    assertThatThrownBy(() -> Svg.histogram(spec(new double[] {0, Double.NaN}, new long[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges[1] is NaN, not finite");
  }

  @Test
  void rejectsNegativeCountsAndMissingArrays() {
    assertThatThrownBy(() -> Svg.histogram(spec(EDGES, new long[] {1, -2, 3, 4})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts[1] = -2 is negative");
    assertThatThrownBy(() -> Svg.histogram(spec(null, COUNTS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges is null");
    assertThatThrownBy(() -> Svg.histogram(spec(EDGES, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts is null");
  }
}
