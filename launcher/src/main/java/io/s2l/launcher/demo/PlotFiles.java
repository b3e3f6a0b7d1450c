package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.client.S2lClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the analysis's SVG plots next to the report before the platform shuts down, and records
 * their file names in the report ({@code plotFiles}).
 */
public final class PlotFiles {

  private PlotFiles() {}

  public static Path save(S2lClient client, ObjectNode report, Path reportFile) {
    String base = reportFile.getFileName().toString().replaceFirst("\\.json$", "");
    Path directory = reportFile.toAbsolutePath().resolveSibling(base + "-plots");
    ObjectNode files = report.putObject("plotFiles");
    try {
      Files.createDirectories(directory);
      JsonNode plots = report.get("plots");
      if (plots != null) {
        plots
            .fields()
            .forEachRemaining(
                p ->
                    files.put(
                        p.getKey(),
                        write(client, directory, p.getValue().asText(), p.getKey() + ".svg")));
      }
      for (JsonNode e : report.path("scaleCorrelation")) {
        String name =
            (e.get("proxyScale").asText() + "-" + e.get("evalSet").asText())
                .replaceAll("[^A-Za-z0-9._-]", "_");
        ObjectNode entryFiles =
            files.putObject(e.get("proxyScale").asText() + " " + e.get("evalSet").asText());
        e.get("plots")
            .fields()
            .forEachRemaining(
                p ->
                    entryFiles.put(
                        p.getKey(),
                        write(
                            client,
                            directory,
                            p.getValue().asText(),
                            p.getKey() + "-" + name + ".svg")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save plots to " + directory, e);
    }
    return directory;
  }

  private static String write(S2lClient client, Path directory, String url, String file) {
    try {
      Files.writeString(directory.resolve(file), client.plot(url));
      return directory.getFileName() + "/" + file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
