package io.s2l.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./s2l}: run the demo study, start the platform and keep it running, or use a running one
 * (submit, status, results, cancel, import).
 */
@Command(
    name = "s2l",
    mixinStandardHelpOptions = true,
    version = "s2l 0.1.0",
    description = "Small-to-large: do proxy models react to training data as the large model does?",
    subcommands = {
      DemoCommand.class,
      UpCommand.class,
      AnalyzeCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      ResultsCommand.class,
      CancelCommand.class,
      ImportCommand.class
    })
public final class S2l {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@code ./s2l} runs it: API failures print their problem, not a trace. */
  static CommandLine commandLine() {
    return new CommandLine(new S2l()).setExecutionExceptionHandler(new CliErrors());
  }
}
