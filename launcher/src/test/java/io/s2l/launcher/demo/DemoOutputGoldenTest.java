package io.s2l.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.run.RunView;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.study.StudyView;
import io.s2l.client.ApiJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo prints and reports the golden documents exactly as it did when it read them as JSON
 * trees ({@code golden-output/README.md}): same table to the last character, same report.
 */
class DemoOutputGoldenTest {

  private static final ObjectMapper JSON = ApiJson.mapper();

  @TempDir Path dir;

  @Test
  void scaleCorrelation() throws IOException {
    for (String name :
        List.of(
            "scale-correlation",
            "scale-correlation-undefined",
            "scale-correlation-extrapolation")) {
      ScaleCorrelationResult doc =
          read(name, ScaleCorrelationResult.class).served(1, "2026-01-02T03:04:05Z");
      check(
          name,
          "golden",
          new DemoResult(
              study(doc.studyId().toString()), doc, null, null, null, runs(), t(0), t(60), t(75)));
    }
  }

  @Test
  void attributionAndSelection() throws IOException {
    AttributionResult lds = read("attribution-lds", AttributionResult.class).served(1);
    check(
        "attribution-lds",
        "golden",
        new DemoResult(
            study(lds.studyId().toString()), null, lds, null, null, runs(), t(0), t(60), t(75)));
    AttributionResult selecting = read("attribution-selection", AttributionResult.class).served(1);
    SelectionResult selection = read("selection", SelectionResult.class).served(1);
    check(
        "attribution-selection",
        "golden",
        new DemoResult(
            study(selecting.studyId().toString()),
            null,
            selecting,
            selection,
            null,
            runs(),
            t(0),
            t(60),
            t(75)));
  }

  @Test
  void textAttributionAndSelection() throws IOException {
    AttributionResult text = read("attribution-text", AttributionResult.class).served(1);
    check(
        "attribution-text",
        "golden",
        new DemoResult(
            study(text.studyId().toString()), null, text, null, null, runs(), t(0), t(60), t(75)));
  }

  @Test
  void mixture() throws IOException {
    MixtureVerification verification = read("mixture-verification", MixtureVerification.class);
    check(
        "mixture",
        "mixture",
        new DemoResult(
            study(verification.studyId().toString()),
            null,
            null,
            null,
            verification,
            runs(),
            t(0),
            t(60),
            t(75)));
  }

  private void check(String name, String preset, DemoResult result) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (result.scaleCorrelation() != null) {
      ResultsTable.print(result.scaleCorrelation(), out);
    }
    if (result.attribution() != null) {
      AttributionSection.print(result.attribution(), out);
    }
    if (result.selection() != null) {
      SelectionSection.print(result.selection(), out);
    }
    if (result.mixture() != null) {
      SelectionSection.print(result.mixture(), out);
    }
    Path report = dir.resolve(name + ".json");
    DemoReport.write(DemoReport.build(preset, result, Duration.ofMillis(4200)), report);
    if (Boolean.getBoolean("s2l.golden.write")) {
      Path golden = Path.of("src/test/resources/golden-output");
      Files.writeString(
          golden.resolve(name + ".printed.txt"), bytes.toString(StandardCharsets.UTF_8));
      Files.copy(
          report, golden.resolve(name + ".report.json"), StandardCopyOption.REPLACE_EXISTING);
      return; // the class path still holds the old text; a plain run checks the new
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(resource("/golden-output/" + name + ".printed.txt"));
    assertThat(Files.readString(report))
        .isEqualTo(resource("/golden-output/" + name + ".report.json"));
  }

  private static Instant t(int seconds) {
    return Instant.parse("2026-01-02T03:00:00Z").plusSeconds(seconds);
  }

  private static <T> T read(String name, Class<T> type) throws IOException {
    return JSON.readValue(resource("/golden/" + name + ".stored.json"), type);
  }

  private static StudyView study(String id) throws IOException {
    return JSON.readValue(
        "{\"id\":\""
            + id
            + "\",\"name\":\"golden study\",\"status\":\"COMPLETED\",\"referenceScale\":\"big\","
            + "\"progress\":{\"jobsTotal\":2,\"jobsDone\":2,\"jobsRunning\":0,\"jobsQueued\":0,"
            + "\"jobsFailed\":0,\"fraction\":1.0,\"featuresTotal\":null,\"featuresDone\":null},"
            + "\"failure\":null,\"createdAt\":\"2026-01-02T03:00:00Z\","
            + "\"updatedAt\":\"2026-01-02T03:01:15Z\","
            + "\"plan\":{\"scales\":[\"tiny\",\"big\"],\"seeds\":[0],\"jobs\":2}}",
        StudyView.class);
  }

  private static List<RunView> runs() throws IOException {
    return JSON.readValue(
        "[{\"scale\":\"tiny\",\"distribution\":\"web\",\"seed\":0,\"params\":12000,"
            + "\"paramsTotal\":20192,\"tokens\":240000,\"flops\":1.728E10,\"steps\":120,"
            + "\"wallSeconds\":3.5,\"tokensPerSecond\":68571.4,\"evalSeconds\":0.25,"
            + "\"finalTrainLoss\":4.12,\"peakRssBytes\":734003200,\"worker\":\"worker-1\","
            + "\"attempt\":1},"
            + "{\"scale\":\"big\",\"distribution\":\"web\",\"seed\":0,\"params\":786432,"
            + "\"paramsTotal\":null,\"tokens\":15728640,\"flops\":7.421703487488E13,"
            + "\"steps\":null,\"wallSeconds\":null,\"tokensPerSecond\":null,\"evalSeconds\":null,"
            + "\"finalTrainLoss\":null,\"peakRssBytes\":null,\"worker\":null,\"attempt\":null}]",
        new TypeReference<List<RunView>>() {});
  }

  private static String resource(String path) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(DemoOutputGoldenTest.class.getResourceAsStream(path), path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
