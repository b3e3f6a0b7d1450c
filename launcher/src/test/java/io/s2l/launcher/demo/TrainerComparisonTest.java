package io.s2l.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.client.ApiJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side check of two trainers, on the golden scale-correlation document (proxies tiny
 * and mid, mean R^2 0.99872 and 0.99681) and on copies of it whose R^2 or recommendation moved.
 */
class TrainerComparisonTest {

  private static final ObjectMapper JSON = ApiJson.mapper();

  @Test
  void identicalResultsAgreeWithZeroDifferences() throws IOException {
    ScaleCorrelationResult golden = golden(0, null);
    TrainerComparison same = TrainerComparison.of("djl", golden, "pytorch", golden);
    assertThat(same.rows()).extracting(TrainerComparison.Row::proxy).containsExactly("tiny", "mid");
    assertThat(same.rows().get(0).firstMeanR2())
        .isCloseTo((0.9981024982074009 + 0.9993446506745886) / 2, within(1e-12));
    assertThat(same.rows()).allSatisfy(r -> assertThat(r.difference()).isZero());
    assertThat(same.agrees()).isTrue();
  }

  @Test
  void aProxyMovedByMoreThanTheToleranceDisagrees() throws IOException {
    // Both of mid's entries lose 0.15: its mean R^2 differs by 0.15 > 0.1.
    TrainerComparison moved =
        TrainerComparison.of("djl", golden(0, null), "pytorch", golden(0.15, null));
    assertThat(moved.rows().get(1).difference()).isCloseTo(-0.15, within(1e-12));
    assertThat(moved.sameRecommendation()).isTrue();
    assertThat(moved.agrees()).isFalse();
    // 0.05 is within it.
    assertThat(TrainerComparison.of("djl", golden(0, null), "pytorch", golden(0.05, null)).agrees())
        .isTrue();
  }

  @Test
  void anotherRecommendationDisagreesAndIsPrinted() throws IOException {
    TrainerComparison other =
        TrainerComparison.of("djl", golden(0, "tiny"), "pytorch", golden(0, "mid"));
    assertThat(other.agrees()).isFalse();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    other.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("Recommended proxy: tiny (djl), mid (pytorch)")
        .contains("The trainers DISAGREE");
    assertThat(other.toJson().get("agree").asBoolean()).isFalse();
  }

  /** The golden document, with mid's R^2 lowered by {@code lower}, recommending {@code scale}. */
  private static ScaleCorrelationResult golden(double lower, String scale) throws IOException {
    ObjectNode doc = (ObjectNode) JSON.readTree(resource("/golden/scale-correlation.stored.json"));
    for (var entry : doc.withArray("entries")) {
      if (entry.get("proxyScale").asText().equals("mid")) {
        ((ObjectNode) entry).put("r2", entry.get("r2").asDouble() - lower);
      }
    }
    if (scale != null) {
      ((ObjectNode) doc.get("recommendation")).put("recommendedScale", scale);
    }
    return JSON.treeToValue(doc, ScaleCorrelationResult.class);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(TrainerComparisonTest.class.getResourceAsStream(path), path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
