package io.s2l.launcher.cli;

import io.s2l.client.S2lClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a running platform is and the key to use with it, shared by the commands that use one. */
final class RemoteOptions {

  @Option(
      names = "--url",
      defaultValue = "${env:S2L_URL:-http://localhost:8080}",
      paramLabel = "URL",
      description = "the experiment service (default: S2L_URL, else http://localhost:8080)")
  String url;

  @Option(
      names = "--analysis-url",
      defaultValue = "${env:S2L_ANALYSIS_URL}",
      paramLabel = "URL",
      description =
          "the analysis service (default: S2L_ANALYSIS_URL, else --url's host on port 8081)")
  String analysisUrl;

  S2lClient client() {
    return new S2lClient(url, analysisUrl(), key());
  }

  String analysisUrl() {
    if (analysisUrl != null && !analysisUrl.isBlank()) {
      return analysisUrl;
    }
    URI experiment;
    try {
      experiment = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "--url is not a URL: " + url);
    }
    if (experiment.getScheme() == null || experiment.getHost() == null) {
      throw new CliFailure(ExitCodes.USAGE, "--url is not an http URL: " + url);
    }
    return experiment.getScheme() + "://" + experiment.getHost() + ":8081";
  }

  /** {@code S2L_API_KEY}, else the admin key {@code ./s2l up} keeps in {@code .s2l/admin-key}. */
  static String key() {
    String fromEnv = System.getenv("S2L_API_KEY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    Path file = PlatformOptions.home().resolve(".s2l").resolve("admin-key");
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(
          ExitCodes.KEY_REFUSED,
          "no API key: set S2L_API_KEY, or run ./s2l up here (it keeps its admin key in "
              + file
              + ")");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.KEY_REFUSED, "cannot read the API key in " + file + ": " + e.getMessage());
    }
  }
}
