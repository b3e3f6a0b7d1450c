package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ScatterTest {

  private static final List<Point> POINTS =
      List.of(
          new Point(3.9, 3.1, "web"),
          new Point(4.2, 3.3, "code"),
          new Point(Double.NaN, 3.0, "broken"),
          new Point(4.6, Double.POSITIVE_INFINITY),
          new Point(5.0, 3.7));

  private static ScatterSpec spec(List<Point> points) {
    return new ScatterSpec(
        "proxy vs reference", "proxy loss", "reference loss", points, null, false);
  }

  @Test
  void isWellFormedSvgWithTheFixedViewBox() {
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec(POINTS)));
    assertThat(doc.root().getNamespaceURI()).isEqualTo(SvgDoc.SVG_NS);
    assertThat(doc.root().getLocalName()).isEqualTo("svg");
    assertThat(doc.root().getAttribute("viewBox")).isEqualTo("0 0 720 440");
  }

  @Test
  void drawsOneMarkerWithATooltipPerFinitePoint() {
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec(POINTS)));
    List<Element> markers = doc.byClass("point");
    assertThat(markers).hasSize(3);
    assertThat(markers)
        .extracting(SvgDoc::tooltip)
        .containsExactly("web: x = 3.9, y = 3.1", "code: x = 4.2, y = 3.3", "x = 5, y = 3.7");
    assertThat(doc.texts("point-labels")).containsExactly("web", "code");
  }

  @Test
  void markersLieInsideThePlotArea() {
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec(POINTS)));
    for (Element marker : doc.byClass("point")) {
      assertThat(SvgDoc.number(marker, "cx")).isBetween(40.0, 700.0);
      assertThat(SvgDoc.number(marker, "cy")).isBetween(40.0, 400.0);
    }
  }

  @Test
  void tooltipNumbersCarryNoBinaryRoundingResidue() {
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec(List.of(new Point(0.1 + 0.2, 1, null)))));
    assertThat(SvgDoc.tooltip(doc.byClass("point").get(0))).isEqualTo("x = 0.3, y = 1");
  }

  @Test
  void escapesTitleLabelsAndPointLabels() {
    String nasty = "R^2 <0.5> & \"x\" 'y'";
    ScatterSpec spec =
        new ScatterSpec(nasty, nasty, nasty, List.of(new Point(1, 2, nasty)), null, false);
    String svg = Svg.scatter(spec);
    assertThat(svg).contains("R^2 &lt;0.5&gt; &amp; &quot;x&quot; &apos;y&apos;");
    SvgDoc doc = SvgDoc.parse(svg);
    assertThat(doc.byClass("chart-title").get(0).getTextContent()).isEqualTo(nasty);
    assertThat(doc.texts("point-labels")).containsExactly(nasty);
    assertThat(doc.byTag("text")).extracting(Element::getTextContent).contains(nasty);
  }

  @Test
  void drawsFitAndDashedIdentityWithAKey() {
    ScatterSpec spec = new ScatterSpec("t", "x", "y", POINTS, new Line(0.9, -0.25), true);
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec));
    assertThat(doc.byClass("fit")).hasSize(1);
    assertThat(doc.byClass("identity"))
        .singleElement()
        .satisfies(e -> assertThat(e.getAttribute("stroke-dasharray")).isNotEmpty());
    assertThat(doc.texts("legend")).containsExactly("y = x", "fit: y = 0.9x - 0.25");
  }

  @Test
  void skipsAFitWithNaNCoefficients() {
    // scale-stats' LinearFit returns NaN coefficients when x is constant.
    ScatterSpec spec = new ScatterSpec("t", "x", "y", POINTS, new Line(Double.NaN, 1), false);
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec));
    assertThat(doc.byClass("fit")).isEmpty();
    assertThat(doc.byClass("legend")).isEmpty();
  }

  @Test
  void aLineMissingThePlotIsNotDrawn() {
    List<Point> farFromIdentity = List.of(new Point(10, 3), new Point(12, 3.5));
    ScatterSpec spec = new ScatterSpec("t", "x", "y", farFromIdentity, new Line(0, 1000), true);
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec));
    assertThat(doc.byClass("fit")).isEmpty();
    assertThat(doc.byClass("identity")).isEmpty();
    assertThat(doc.texts("legend"))
        .containsExactly("y = x (outside the plot)", "fit: y = 0x + 1000 (outside the plot)");
  }

  @Test
  void withoutFinitePointsSaysNoData() {
    List<Point> nan = List.of(new Point(Double.NaN, 1), new Point(1, Double.NEGATIVE_INFINITY));
    for (List<Point> points : Arrays.asList(List.<Point>of(), null, nan)) {
      SvgDoc doc = SvgDoc.parse(Svg.scatter(spec(points)));
      assertThat(doc.byClass("no-data"))
          .extracting(Element::getTextContent)
          .containsExactly("no data");
      assertThat(doc.byClass("point")).isEmpty();
    }
  }

  @Test
  void padsTheAxesAroundASinglePoint() {
    SvgDoc doc = SvgDoc.parse(Svg.scatter(spec(List.of(new Point(2.5, 0)))));
    Element marker = doc.byClass("point").get(0);
    assertThat(SvgDoc.number(marker, "cx")).isBetween(300.0, 420.0);
    assertThat(SvgDoc.number(marker, "cy")).isBetween(150.0, 290.0);
    assertThat(doc.texts("tick-labels")).hasSizeGreaterThan(4);
  }

  @Test
  void sameSpecGivesTheSameBytes() {
    ScatterSpec spec = new ScatterSpec("t", "x", "y", POINTS, new Line(1.1, 0.2), true);
    ScatterSpec copy =
        new ScatterSpec("t", "x", "y", new ArrayList<>(POINTS), new Line(1.1, 0.2), true);
    assertThat(Svg.scatter(copy)).isEqualTo(Svg.scatter(spec));
  }

  @Test
  void rejectsANullPoint() {
    List<Point> points = Arrays.asList(new Point(1, 1), null);
    assertThatThrownBy(() -> Svg.scatter(spec(points)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[1] is null");
    assertThatThrownBy(() -> Svg.scatter(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec is null");
  }
}
