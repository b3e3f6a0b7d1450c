package io.s2l.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.selection.SelectionResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every stored document in {@code golden/} (see its README: written by the builders before they
 * built records) read into its record and written back is the same JSON, to the character: same
 * fields, order, nulls and absences, same number text.
 */
class GoldenDocumentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "scale-correlation, io.s2l.api.correlation.ScaleCorrelationResult",
    "scale-correlation-undefined, io.s2l.api.correlation.ScaleCorrelationResult",
    "scale-correlation-extrapolation, io.s2l.api.correlation.ScaleCorrelationResult",
    "attribution-lds, io.s2l.api.attribution.AttributionResult",
    "attribution-selection, io.s2l.api.attribution.AttributionResult",
    "attribution-text, io.s2l.api.attribution.AttributionResult",
    "selection, io.s2l.api.selection.SelectionResult",
    "mixture-recommendation, io.s2l.api.mixture.MixtureRecommendation",
    "mixture-verification, io.s2l.api.mixture.MixtureVerification"
  })
  void aStoredDocumentSurvivesTheRoundTripThroughItsRecord(String name, Class<?> type)
      throws IOException {
    String stored = golden(name);
    Object record = JSON.readValue(stored, type);
    String written = JSON.writeValueAsString(record);
    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(stored));
    assertThat(written).isEqualTo(stored.strip());
  }

  @Test
  void theServedScaleCorrelationIsTheStoredOneWithItsVersionAndTime() throws IOException {
    String stored = golden("scale-correlation");
    ScaleCorrelationResult served =
        JSON.readValue(stored, ScaleCorrelationResult.class).served(3, "2026-01-02T03:04:05Z");
    ObjectNode expected = (ObjectNode) JSON.readTree(stored);
    expected.put("version", 3);
    expected.put("computedAt", "2026-01-02T03:04:05Z");
    assertThat(tree(served)).isEqualTo(expected);
  }

  @Test
  void aScaleCorrelationStoredBeforeNoiseCeilingsAndNullLevelsStaysWithoutThem()
      throws IOException {
    ObjectNode older = (ObjectNode) JSON.readTree(golden("scale-correlation"));
    older.remove("noiseCeiling");
    for (JsonNode entry : older.get("entries")) {
      ((ObjectNode) entry).remove("fractionOfCeiling");
      ((ObjectNode) entry.get("perExample")).remove(List.of("nullMeanR2", "nullR2Quantile95"));
      ((ObjectNode) entry.get("seedNoise")).remove(List.of("proxySnr", "referenceSnr"));
    }
    String stored = JSON.writeValueAsString(older);
    assertThat(stored).doesNotContain("Snr", "nullMeanR2", "Ceiling");
    String written = JSON.writeValueAsString(JSON.readValue(stored, ScaleCorrelationResult.class));
    assertThat(written).isEqualTo(stored);
  }

  @Test
  void aScaleCorrelationStoredBeforeTheExtrapolationBaselineStillReadsAndWritesBack()
      throws IOException {
    ObjectNode older = (ObjectNode) JSON.readTree(golden("scale-correlation"));
    older.remove("extrapolation");
    ScaleCorrelationResult read = JSON.treeToValue(older, ScaleCorrelationResult.class);
    assertThat(read.extrapolation()).isNull();
    assertThat(tree(read)).isEqualTo(older);
  }

  @Test
  void theServedAttributionLinksItsLdsPlotOnlyWithGroundTruth() throws IOException {
    AttributionResult lds =
        JSON.readValue(golden("attribution-lds"), AttributionResult.class).served(2);
    JsonNode withTruth = tree(lds);
    assertThat(withTruth.get("version").asInt()).isEqualTo(2);
    assertThat(withTruth.get("ldsPlot").asText())
        .isEqualTo("/api/v1/studies/" + lds.studyId() + "/attribution/lds.svg");
    JsonNode without =
        tree(JSON.readValue(golden("attribution-selection"), AttributionResult.class).served(1));
    assertThat(without.has("ldsPlot")).isFalse();
    assertThat(without.get("groundTruth").isNull()).isTrue();
  }

  @Test
  void theServedSelectionAndMixtureCarryTheirVersions() throws IOException {
    SelectionResult selection =
        JSON.readValue(golden("selection"), SelectionResult.class).served(4);
    ObjectNode expected = (ObjectNode) JSON.readTree(golden("selection"));
    expected.put("version", 4);
    assertThat(tree(selection)).isEqualTo(expected);

    MixtureResult unverified =
        new MixtureResult(
            1, JSON.readValue(golden("mixture-recommendation"), MixtureRecommendation.class), null);
    JsonNode tree = tree(unverified);
    assertThat(tree.has("verification")).isTrue();
    assertThat(tree.get("verification").isNull()).isTrue();
    MixtureResult verified =
        new MixtureResult(
            1,
            unverified.recommendation(),
            JSON.readValue(golden("mixture-verification"), MixtureVerification.class));
    assertThat(tree(verified).get("verification"))
        .isEqualTo(JSON.readTree(golden("mixture-verification")));
  }

  @Test
  void undefinedStatisticsReadAsNaNAndWriteAsNull() throws IOException {
    ScaleCorrelationResult doc =
        JSON.readValue(golden("scale-correlation-undefined"), ScaleCorrelationResult.class);
    var constant = doc.entries().get(0);
    assertThat(constant.pearsonR()).isNaN();
    assertThat(constant.seedNoise()).isNull();
    assertThat(constant.proxyAccuracy()).isNull(); // absent: the set has no accuracy
    assertThat(tree(constant).get("pearsonR").isNull()).isTrue();
    assertThat(tree(constant).has("proxyAccuracy")).isFalse();
  }

  @Test
  void anUndefinedAccuracyStaysPresentAsNullWhileAnAbsentOneStaysAbsent() throws IOException {
    ObjectNode doc = (ObjectNode) JSON.readTree(golden("scale-correlation"));
    ((ObjectNode) doc.get("entries").get(1)).putNull("proxyAccuracy");
    ScaleCorrelationResult read = JSON.readValue(doc.toString(), ScaleCorrelationResult.class);
    assertThat(read.entries().get(1).proxyAccuracy()).isNaN();
    assertThat(read.entries().get(0).proxyAccuracy()).isNull();
    JsonNode written = tree(read);
    assertThat(written.get("entries").get(1).has("proxyAccuracy")).isTrue();
    assertThat(written.get("entries").get(1).get("proxyAccuracy").isNull()).isTrue();
    assertThat(written.get("entries").get(0).has("proxyAccuracy")).isFalse();
    assertThat(written).isEqualTo(JSON.readTree(doc.toString()));
  }

  /** The tree of the JSON text a record is written as (number nodes as a reader sees them). */
  private static JsonNode tree(Object value) throws IOException {
    return JSON.readTree(JSON.writeValueAsString(value));
  }

  static String golden(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            GoldenDocumentsTest.class.getResourceAsStream("/golden/" + name + ".stored.json"),
            name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
