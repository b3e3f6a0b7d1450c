package io.s2l.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.client.ApiJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SelectionSectionTest {

  @Test
  void aMixtureWithAPredictionIntervalShowsItAndTheReportCarriesIt() throws Exception {
    ObjectNode stored;
    try (InputStream in =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/golden/mixture-verification.stored.json"))) {
      stored = (ObjectNode) ApiJson.mapper().readTree(in);
    }
    ArrayNode entries = (ArrayNode) stored.get("entries");
    entries.remove(1);
    ((ObjectNode) entries.get(0)).putArray("predictionInterval").add(2.3).add(2.6);
    stored.putArray("resampled").add("seeds").add("randomDraws").add("examples");
    MixtureVerification verification =
        ApiJson.mapper().treeToValue(stored, MixtureVerification.class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SelectionSection.print(verification, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains(
            "  mixture-linear from tiny: predicted loss 2.470, 95% prediction interval"
                + " [2.300, 2.600]\n")
        .endsWith("  95% CI resamples: seeds, randomDraws, examples\n");
    var row = SelectionSection.of(verification).get(0);
    assertThat(row.get("predictionInterval").get(1).asDouble()).isEqualTo(2.6);
    assertThat(row.get("resampled").get(0).asText()).isEqualTo("seeds");
  }
}
