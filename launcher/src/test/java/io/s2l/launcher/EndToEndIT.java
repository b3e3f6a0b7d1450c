package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.DemoRun;
import io.s2l.launcher.demo.ProgressBar;
import io.s2l.launcher.demo.StudyClient;
import io.s2l.launcher.platform.Database;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import io.s2l.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A tiny study through everything: the three services and two workers as separate processes, the
 * queue in a real PostgreSQL, real DJL training, and the analysis at the end.
 */
class EndToEndIT {

  @Test
  void aTinyStudyRunsThroughAllServicesAndTheQueue() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    Path home = Path.of("..").toAbsolutePath().normalize();
    PlatformSettings settings =
        new PlatformSettings(
            home,
            new Database(db.url(), db.user(), db.password()),
            null,
            true,
            2,
            0,
            0,
            Path.of("target", "e2e-logs"));
    String definition =
        new String(
            Objects.requireNonNull(getClass().getResourceAsStream("/tiny-study.json"))
                .readAllBytes());
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    try (Platform platform = Platform.start(settings, s -> {})) {
      StudyClient client = new StudyClient(platform.experimentUrl(), platform.analysisUrl());
      DemoResult result =
          new DemoRun(client, Clock.systemUTC())
              .run(
                  definition,
                  new ProgressBar(new PrintStream(progress), false),
                  () -> assertThat(platform.exitedProcesses()).isEmpty(),
                  Duration.ofMinutes(10));

      assertThat(result.study().get("status").asText()).isEqualTo("COMPLETED");
      assertThat(result.runs()).hasSize(6);
      // every (scale, distribution, seed) trained exactly once
      List<String> keys = new ArrayList<>();
      result
          .runs()
          .forEach(
              r ->
                  keys.add(
                      r.get("scale").asText()
                          + "/"
                          + r.get("distribution").asText()
                          + "/"
                          + r.get("seed").asText()));
      assertThat(keys).doesNotHaveDuplicates().hasSize(6);
      JsonNode entries = result.scaleCorrelation().get("entries");
      assertThat(entries).hasSize(2); // one proxy x two evaluation sets
      for (JsonNode e : entries) {
        assertThat(e.get("proxyScale").asText()).isEqualTo("tiny");
        assertThat(e.get("referenceScale").asText()).isEqualTo("small");
        assertThat(e.get("distributions").asInt()).isEqualTo(3);
        assertThat(e.get("pearsonR").asDouble()).isBetween(-1.0, 1.0);
        assertThat(e.get("r2").asDouble())
            .isCloseTo(
                Math.pow(e.get("pearsonR").asDouble(), 2),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.get("computeRatio").asDouble()).isGreaterThan(1.0);
      }
      ObjectNode report = DemoReport.build("tiny", result, Duration.ofSeconds(1));
      Path file = Path.of("target", "e2e-report.json");
      DemoReport.write(report, file);
      JsonNode written =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file));
      for (String field :
          new String[] {
            "proxyScale",
            "referenceScale",
            "evalSet",
            "distributions",
            "pearsonR",
            "r2",
            "spearman",
            "proxyParams",
            "referenceParams",
            "computeRatio"
          }) {
        assertThat(written.at("/scaleCorrelation/0").has(field)).as(field).isTrue();
      }
    }
    assertThat(progress.toString()).contains("COMPLETED");
  }
}
