package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GainSweepTest {

  private static final List<GainSweep.Entry> ENTRIES =
      List.of(
          new GainSweep.Entry("DsDm (proxy s)", 500, 0.04, 0.01, 0.07),
          new GainSweep.Entry("DsDm (proxy s)", 100, 0.09, 0.05, 0.13),
          new GainSweep.Entry("similarity", 100, 0.02, -0.01, 0.05),
          new GainSweep.Entry("DsDm (proxy m)", 100, 0.11, 0.06, 0.16),
          new GainSweep.Entry("similarity", 500, 0.0, -0.02, 0.02));

  @Test
  void drawsOneLinePerMethodInIncreasingSize() {
    LineSpec spec = GainSweep.spec("gain", "nats", ENTRIES);
    assertThat(spec.series())
        .extracting(Series::name)
        .containsExactly("DsDm (proxy s)", "similarity", "DsDm (proxy m)");
    Series dsdm = spec.series().get(0);
    assertThat(dsdm.points()).extracting(Point::x).containsExactly(100.0, 500.0);
    assertThat(dsdm.points()).extracting(Point::y).containsExactly(0.09, 0.04);
    assertThat(dsdm.low()).containsExactly(0.05, 0.01);
    assertThat(dsdm.high()).containsExactly(0.13, 0.07);
    assertThat(spec.logX()).isTrue();
    assertThat(spec.threshold()).isEqualTo(0.0);
  }

  @Test
  void theSvgHasAPathALegendEntryAndAPointPerSelection() {
    SvgDoc doc = SvgDoc.parse(GainSweep.svg("gain", "nats", ENTRIES));
    assertThat(doc.byClass("series"))
        .extracting(SvgDoc::tooltip)
        .containsExactly("DsDm (proxy s)", "similarity", "DsDm (proxy m)");
    assertThat(doc.texts("legend"))
        .containsExactly("DsDm (proxy s)", "similarity", "DsDm (proxy m)");
    assertThat(doc.byClass("point")).hasSize(5);
  }
}
