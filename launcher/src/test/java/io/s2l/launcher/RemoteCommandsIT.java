package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./s2l submit, status, results, cancel, import} against a running platform, each run as the
 * script runs it: the packaged launcher jar in its own process, with the key from the environment
 * or from {@code .s2l/admin-key}, its output and exit code read as a user or a script reads them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteCommandsIT {

  private static final Path JAR = Path.of("target", "launcher.jar");
  private static final Duration COMMAND_LIMIT = Duration.ofMinutes(10);

  private RunningPlatform platform;
  @TempDir Path home;

  /** What one command printed and how it ended. */
  record Run(int exit, String out, String err) {
    String transcript() {
      return out + err;
    }
  }

  @BeforeAll
  void start() {
    platform = new RunningPlatform("remote-commands-it-logs");
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  void aStudyIsSubmittedFollowedReadAndCancelledAndAnImportRead() throws Exception {
    Path study = Path.of("src", "test", "resources", "tiny-study.json");
    Run submitted = s2l(Map.of(), "submit", study.toString(), "--wait");
    System.out.println("$ ./s2l submit tiny-study.json --wait\n" + submitted.transcript());
    assertThat(submitted.exit()).as(submitted.transcript()).isZero();
    UUID id = UUID.fromString(submitted.out().strip());
    assertThat(submitted.err()).contains("COMPLETED", "models trained", "completed in");

    Run status = s2l(Map.of(), "status", id.toString());
    assertThat(status.exit()).as(status.transcript()).isZero();
    assertThat(status.out()).contains("status     COMPLETED", "6/6 models trained");

    Run table = s2l(Map.of(), "results", id.toString());
    System.out.println("$ ./s2l results " + id + "\n" + table.transcript());
    assertThat(table.exit()).as(table.transcript()).isZero();
    assertThat(table.out()).contains("Per proxy, over evaluation sets:", "tiny", "heldout/code");

    Path report = home.resolve("report.json");
    Run json =
        s2l(Map.of(), "results", id.toString(), "--format", "json", "--report", report.toString());
    assertThat(json.exit()).as(json.transcript()).isZero();
    JsonNode printed = new ObjectMapper().readTree(json.out());
    assertThat(printed.get("studyId").asText()).isEqualTo(id.toString());
    assertThat(printed.get("scaleCorrelation")).hasSize(2);
    assertThat(printed.get("runs")).hasSize(6);
    JsonNode written = new ObjectMapper().readTree(Files.readString(report));
    assertThat(written.get("plotFiles").size()).isPositive();
    assertThat(home.resolve("report-plots").resolve("r2VsCompute.svg")).exists();

    // a larger study, whose models a worker has not trained yet, so it is still running when
    // cancelled
    Path quick = Path.of("..", "examples", "demo-quick.json");
    Run again = s2l(Map.of(), "submit", quick.toString(), "--idempotency-key", "cli-" + id);
    Run replayed = s2l(Map.of(), "submit", quick.toString(), "--idempotency-key", "cli-" + id);
    assertThat(replayed.out()).as("the same key, the same study").isEqualTo(again.out());
    UUID second = UUID.fromString(again.out().strip());
    Run cancelled = s2l(Map.of(), "cancel", second.toString());
    assertThat(cancelled.exit()).as(cancelled.transcript()).isZero();
    assertThat(cancelled.out()).contains(second + " CANCELLED");
    Run twice = s2l(Map.of(), "cancel", second.toString());
    assertThat(twice.exit()).as("a finished study cannot be cancelled: 409").isEqualTo(6);
    assertThat(twice.err()).contains("answered 409", "cannot be cancelled").doesNotContain("\tat ");
    Run noResults = s2l(Map.of(), "results", second.toString());
    assertThat(noResults.exit()).isEqualTo(1);
    assertThat(noResults.err()).contains("is CANCELLED: it has no results");

    Path csv = Path.of("..", "examples", "results-example.csv");
    Run imported = s2l(Map.of(), "import", csv.toString(), "--reference", "1B");
    assertThat(imported.exit()).as(imported.transcript()).isZero();
    UUID importId = UUID.fromString(imported.out().strip());
    assertThat(imported.err()).contains("reference 1B");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (platform.client().scaleCorrelationIfReady(importId).isEmpty()) {
      assertThat(Instant.now()).as("the import's analysis").isBefore(deadline);
      Thread.sleep(200);
    }
    Run importResults = s2l(Map.of(), "results", importId.toString());
    assertThat(importResults.exit()).as(importResults.transcript()).isZero();
    assertThat(importResults.out()).contains("Per proxy, over evaluation sets:");
  }

  @Test
  void failuresHaveTheirExitCodesAndPrintTheProblemWithoutATrace() throws Exception {
    String unknown = UUID.randomUUID().toString();
    Run badKey = s2l(Map.of("S2L_API_KEY", "s2l_not-a-key"), "status", unknown);
    assertThat(badKey.exit()).as(badKey.transcript()).isEqualTo(4);
    assertThat(badKey.err()).contains("answered 401", "S2L_API_KEY");

    Run notFound = s2l(Map.of(), "status", unknown);
    assertThat(notFound.exit()).as(notFound.transcript()).isEqualTo(5);
    assertThat(notFound.err()).contains("answered 404", "no study with id " + unknown);

    Run noResults = s2l(Map.of(), "results", unknown);
    assertThat(noResults.exit()).as(noResults.transcript()).isEqualTo(5);
    assertThat(noResults.err()).contains("no study or import " + unknown);

    Path bad = home.resolve("bad-study.json");
    Files.writeString(bad, "{\"name\": \"bad\", \"scales\": []}");
    Run refused = s2l(Map.of(), "submit", bad.toString());
    assertThat(refused.exit()).as(refused.transcript()).isEqualTo(6);
    assertThat(refused.err()).contains("answered 400", "scales");

    Run missing = s2l(Map.of(), "submit", home.resolve("nothing.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read");

    Run unreachable =
        s2l(
            Map.of(),
            "status",
            unknown,
            "--url",
            "http://127.0.0.1:1",
            "--analysis-url",
            "http://127.0.0.1:1");
    assertThat(unreachable.exit()).as(unreachable.transcript()).isEqualTo(3);
    assertThat(unreachable.err()).contains("is the platform running");

    for (Run r : List.of(badKey, notFound, noResults, refused, missing, unreachable)) {
      assertThat(r.err()).doesNotContain("\tat ", "Exception in thread");
    }

    Run help = s2l(Map.of(), "submit", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Exit codes:", "4  the API key");
  }

  /**
   * Runs {@code ./s2l ARGS} as the script does. The key comes from {@code .s2l/admin-key} in the
   * launcher's home unless {@code env} sets {@code S2L_API_KEY}.
   */
  private Run s2l(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path keyFile = home.resolve(".s2l").resolve("admin-key");
    Files.createDirectories(keyFile.getParent());
    Files.writeString(keyFile, platform.platform().adminKey() + "\n");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Ds2l.home=" + home);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    boolean urlGiven = command.contains("--url");
    if (!urlGiven && !args[args.length - 1].equals("--help")) {
      command.add("--url");
      command.add(platform.platform().experimentUrl());
      command.add("--analysis-url");
      command.add(platform.platform().analysisUrl());
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("S2L_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./s2l " + String.join(" ", args) + " did not end");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
