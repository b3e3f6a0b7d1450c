package io.s2l.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./s2l analyze} with the recommendation options, run as the script runs it: the command
 * line parsed by picocli, an embedded database, the services as child processes.
 */
class AnalyzeCommandIT {

  private static final Path EXAMPLE = Path.of("..", "examples", "results-example.csv");

  @TempDir Path dir;

  @Test
  void theRecommendationOptionsReachTheAnalysisAndItsReport() throws Exception {
    System.setProperty("s2l.home", Path.of("..").toAbsolutePath().normalize().toString());
    Path report = dir.resolve("analysis.json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new S2l())
              .execute(
                  "analyze",
                  EXAMPLE.toString(),
                  "--reference",
                  "1B",
                  "--metric",
                  "r2",
                  "--threshold",
                  "0.5",
                  "--min-distributions",
                  "7",
                  "--report",
                  report.toString());
    } finally {
      System.setOut(out);
    }
    assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode options = new ObjectMapper().readTree(Files.readString(report)).get("analysisOptions");
    assertThat(options.get("metric").asText()).isEqualTo("r2");
    assertThat(options.get("threshold").asDouble()).isEqualTo(0.5);
    assertThat(options.get("minDistributions").asInt()).isEqualTo(7);
  }

  @Test
  void anOptionOutOfBoundsIsRefusedBeforeThePlatformStarts() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    int exit;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new S2l())
              .execute(
                  "analyze", EXAMPLE.toString(), "--reference", "1B", "--min-distributions", "2");
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains("--min-distributions must be from 3 to 1000, got 2");
    assertThat(printed.toString(StandardCharsets.UTF_8)).as("nothing was started").isEmpty();
  }
}
