package io.s2l.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./s2l}: run the demo study, or start the platform and keep it running. */
@Command(
    name = "s2l",
    mixinStandardHelpOptions = true,
    version = "s2l 0.1.0",
    description = "Small-to-large: do proxy models react to training data as the large model does?",
    subcommands = {DemoCommand.class, UpCommand.class, AnalyzeCommand.class})
public final class S2l {

  public static void main(String[] args) {
    System.exit(new CommandLine(new S2l()).execute(args));
  }
}
