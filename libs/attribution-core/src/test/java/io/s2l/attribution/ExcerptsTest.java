package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

  @Test
  void collapsesWhitespaceAndKeepsShortTexts() {
    assertThat(Excerpts.of("  a\n\tb   c ")).isEqualTo("a b c");
  }

  @Test
  void cutsLongTextsToTwoHundredCharactersEndingInDots() {
    String excerpt = Excerpts.of("x".repeat(500));
    assertThat(excerpt).hasSize(200).endsWith("...").startsWith("x".repeat(197));
    assertThat(Excerpts.of("y".repeat(200))).isEqualTo("y".repeat(200));
  }

  @Test
  void neverSplitsASurrogatePair() {
    String excerpt = Excerpts.of("a".repeat(196) + "\uD83D\uDE00" + "b".repeat(10));
    assertThat(excerpt).isEqualTo("a".repeat(196) + "...");
  }
}
