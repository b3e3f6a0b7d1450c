package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlTest {

  @Test
  void escapesTheFiveSpecialCharacters() {
    assertThat(Xml.escape("R^2 <0.5> & \"x\" 'y'"))
        .isEqualTo("R^2 &lt;0.5&gt; &amp; &quot;x&quot; &apos;y&apos;");
    assertThat(Xml.escape(null)).isEmpty();
  }

  @Test
  void replacesCharactersXmlForbidsSoTheDocumentStaysWellFormed() {
    String bad = "a\u0000b\u0007c\ud800d\uFFFEe \u00e9\uD83D\uDE00\t";
    assertThat(Xml.escape(bad)).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe \u00e9\uD83D\uDE00\t");
    String svg =
        Svg.scatter(new ScatterSpec(bad, null, null, List.of(new Point(1, 1, bad)), null, false));
    assertThat(SvgDoc.parse(svg).byClass("point")).hasSize(1);
  }
}
