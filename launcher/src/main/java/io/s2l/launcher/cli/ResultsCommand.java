package io.s2l.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.study.StudyView;
import io.s2l.client.ApiException;
import io.s2l.client.S2lClient;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.PlotFiles;
import io.s2l.launcher.demo.StudyResults;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description =
        "Print a finished study's or an import's results: the tables ./s2l demo prints, or the"
            + " JSON report; --report also writes the report and its SVG plots beside it.",
    footer = ExitCodes.FOOTER)
final class ResultsCommand implements Callable<Integer> {

  enum Format {
    table,
    json
  }

  @Parameters(index = "0", paramLabel = "ID", description = "the study's or the import's id")
  UUID id;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table (default) or json (the report, as ./s2l demo writes it)")
  Format format;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "also write the JSON report to FILE and the plots to FILE's -plots directory")
  Path report;

  @Mixin RemoteOptions remote;

  @Override
  public Integer call() throws Exception {
    S2lClient client = remote.client();
    StudyView study = study(client);
    if (study != null && !study.completed()) {
      boolean ended = StudyFollower.FINAL.contains(study.status());
      System.err.println(
          "s2l: study "
              + id
              + " is "
              + study.status()
              + (ended
                  ? ""
                  : " ("
                      + study.progress().jobsDone()
                      + "/"
                      + study.progress().jobsTotal()
                      + " models trained)")
              + ": it has no results"
              + (ended ? "" : " yet"));
      return ended ? ExitCodes.STUDY_FAILED : ExitCodes.NOT_FINISHED;
    }
    DemoResult result =
        StudyResults.read(client, id, study)
            .orElseThrow(() -> new CliFailure(ExitCodes.NOT_FOUND, "no study or import " + id));
    ObjectNode json = DemoReport.build(study == null ? "import" : "results", result, null);
    if (report != null) {
      Path plots = PlotFiles.save(client, json, report);
      DemoReport.write(json, report);
      System.err.println(
          "s2l: report written to " + report.toAbsolutePath() + ", plots in " + plots);
    }
    if (format == Format.json) {
      System.out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    } else {
      result.print(System.out);
    }
    return ExitCodes.OK;
  }

  /** The study, or null when the experiment service does not know it (an import). */
  private StudyView study(S2lClient client) {
    try {
      return client.study(id);
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
