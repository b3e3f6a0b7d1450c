package io.s2l.launcher.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.s2l.api.study.StudyProgress;
import io.s2l.api.study.StudyView;
import io.s2l.client.ApiJson;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print a study's status and progress.",
    footer = ExitCodes.FOOTER)
final class StatusCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Parameters(index = "0", paramLabel = "ID", description = "the study's id")
  UUID id;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (default) or json (the API's study document)")
  Format format;

  @Mixin RemoteOptions remote;

  @Override
  public Integer call() throws Exception {
    StudyView study = remote.client().study(id);
    if (format == Format.json) {
      System.out.println(
          ApiJson.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(study));
      return ExitCodes.OK;
    }
    StudyProgress p = study.progress();
    line("study", study.id());
    line("name", study.name());
    line("status", study.status());
    line(
        "progress",
        String.format(
            "%d/%d models trained, %d training, %d failed (%.0f%%)",
            p.jobsDone(), p.jobsTotal(), p.jobsRunning(), p.jobsFailed(), 100 * p.fraction()));
    if (p.featuresTotal() != null) {
      line("features", p.featuresDone() + "/" + p.featuresTotal());
    }
    line("reference", study.referenceScale());
    line("failure", study.failure());
    line("created", study.createdAt());
    line("updated", study.updatedAt());
    return ExitCodes.OK;
  }

  private static void line(String name, Object value) {
    if (value != null) {
      System.out.printf("%-10s %s%n", name, value);
    }
  }
}
