package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LinesTest {

  private static List<Point> curve(double... ys) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      points.add(new Point(Math.pow(10, i + 1), ys[i]));
    }
    return points;
  }

  private static LineSpec spec(boolean logX, Double threshold, Series... series) {
    return new LineSpec("loss vs steps", "steps", "loss", logX, List.of(series), threshold);
  }

  @Test
  void drawsOnePathPerSeriesWithFiniteData() {
    Series a = new Series("a", curve(4, 3.5, 3.2));
    Series b = new Series("b", curve(4.2, Double.NaN, 3.0));
    Series empty = new Series("all NaN", curve(Double.NaN, Double.NaN));
    SvgDoc doc = SvgDoc.parse(Svg.lines(spec(false, null, a, b, empty)));
    assertThat(doc.root().getNamespaceURI()).isEqualTo(SvgDoc.SVG_NS);
    assertThat(doc.byClass("series")).extracting(SvgDoc::tooltip).containsExactly("a", "b");
    assertThat(doc.byClass("point")).hasSize(5);
    assertThat(doc.byClass("series").get(1).getAttribute("d")).matches("M[^L]+ L[^L]+");
  }

  @Test
  void givesEachSeriesItsOwnPaletteColour() {
    Series[] series =
        IntStream.range(0, 8)
            .mapToObj(i -> new Series("s" + i, curve(i, i + 1)))
            .toArray(Series[]::new);
    SvgDoc doc = SvgDoc.parse(Svg.lines(spec(false, null, series)));
    assertThat(doc.byClass("series-group"))
        .extracting(e -> e.getAttribute("stroke"))
        .doesNotHaveDuplicates()
        .hasSize(8);
  }

  @Test
  void drawsALegendOnlyForSeveralSeries() {
    SvgDoc one = SvgDoc.parse(Svg.lines(spec(false, null, new Series("a", curve(1, 2)))));
    assertThat(one.byClass("legend")).isEmpty();
    SvgDoc two =
        SvgDoc.parse(
            Svg.lines(
                spec(false, null, new Series("a", curve(1, 2)), new Series(null, curve(2, 1)))));
    assertThat(two.texts("legend")).containsExactly("a", "series 2");
  }

  @Test
  void drawsErrorBarsWhereBothPointAndBarAreFinite() {
    double[] low = {3.8, 3.4, Double.NaN};
    double[] high = {4.3, 3.6, Double.NaN};
    SvgDoc doc =
        SvgDoc.parse(Svg.lines(spec(false, null, new Series("a", curve(4, 3.5, 3.2), low, high))));
    assertThat(doc.byClass("error-bar")).hasSize(2);
    assertThat(doc.byClass("point"))
        .extracting(SvgDoc::tooltip)
        .containsExactly(
            "a: x = 10, y = 4, low 3.8, high 4.3",
            "a: x = 100, y = 3.5, low 3.4, high 3.6",
            "a: x = 1000, y = 3.2");
  }

  @Test
  void drawsTheThresholdAsALabelledDashedLine() {
    SvgDoc doc = SvgDoc.parse(Svg.lines(spec(false, 0.5, new Series("a", curve(1, 2, 3)))));
    Element line = doc.byClass("threshold").get(0);
    assertThat(line.getAttribute("stroke-dasharray")).isNotEmpty();
    assertThat(doc.byClass("threshold-label"))
        .extracting(Element::getTextContent)
        .containsExactly("threshold 0.5");
    assertThat(
            SvgDoc.parse(Svg.lines(spec(false, Double.NaN, new Series("a", curve(1, 2)))))
                .byClass("threshold"))
        .isEmpty();
  }

  @Test
  void labelsLogAxisDecades() {
    List<Point> points = List.of(new Point(3, 1), new Point(40, 2), new Point(5000, 3));
    SvgDoc doc = SvgDoc.parse(Svg.lines(spec(true, null, new Series("a", points))));
    assertThat(doc.texts("tick-labels")).contains("10", "100", "1k");
  }

  @Test
  void withoutFinitePointsSaysNoData() {
    for (LineSpec spec :
        List.of(
            spec(false, 1.0),
            new LineSpec(null, null, null, true, null, null),
            spec(true, null, new Series("a", null), new Series("b", curve(Double.NaN))))) {
      SvgDoc doc = SvgDoc.parse(Svg.lines(spec));
      assertThat(doc.byClass("no-data")).hasSize(1);
      assertThat(doc.byClass("series")).isEmpty();
    }
  }

  @Test
  void sameSpecGivesTheSameBytes() {
    Series a = new Series("a", curve(4, 3.5, 3.2), new double[] {3.9, 3.4, 3.1}, null);
    assertThat(Svg.lines(spec(true, 3.3, a, a))).isEqualTo(Svg.lines(spec(true, 3.3, a, a)));
  }

  @Test
  void rejectsErrorBarsOfTheWrongLength() {
    Series low = new Series("web", curve(1, 2, 3), new double[2], null);
    assertThatThrownBy(() -> Svg.lines(spec(false, null, new Series("ok", curve(1)), low)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[1] (web): low has 2 values but there are 3 points");
    Series high = new Series("web", curve(1, 2, 3), null, new double[4]);
    assertThatThrownBy(() -> Svg.lines(spec(false, null, high)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[0] (web): high has 4 values but there are 3 points");
  }

  @Test
  void rejectsNonPositiveXOnALogAxis() {
    List<Point> points = List.of(new Point(Double.NaN, 1), new Point(1, 1), new Point(0, 2));
    assertThatThrownBy(() -> Svg.lines(spec(true, null, new Series("web", points))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[0] (web).points[2] has x = 0, but a logarithmic x axis needs x > 0");
    assertThat(Svg.lines(spec(false, null, new Series("web", points))))
        .contains("class=\"series\"");
  }

  @Test
  void rejectsNullSeriesAndPoints() {
    List<Series> series = Arrays.asList(new Series("a", curve(1)), null);
    assertThatThrownBy(() -> Svg.lines(new LineSpec("t", "x", "y", false, series, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[1] is null");
    Series nullPoint = new Series(null, Arrays.asList(new Point(1, 1), null));
    assertThatThrownBy(() -> Svg.lines(spec(false, null, nullPoint)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[0] (series 1).points[1] is null");
  }
}
