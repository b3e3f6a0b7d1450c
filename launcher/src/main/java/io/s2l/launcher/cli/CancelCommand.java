package io.s2l.launcher.cli;

import io.s2l.api.study.StudyView;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description =
        "Cancel a study: its queued models are dropped and its running ones stop at their next"
            + " heartbeat. A study that already finished cannot be cancelled (exit 6).",
    footer = ExitCodes.FOOTER)
final class CancelCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID", description = "the study's id")
  UUID id;

  @Mixin RemoteOptions remote;

  @Override
  public Integer call() {
    StudyView study = remote.client().studies().cancel(id);
    System.out.println(study.id() + " " + study.status());
    return ExitCodes.OK;
  }
}
