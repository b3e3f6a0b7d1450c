package io.s2l.launcher.cli;

import io.s2l.client.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that talks to a running platform prints when it fails: the API's problem (title,
 * detail, each refused field) or why the platform could not be reached, on stderr and without a
 * stack trace, and the exit code of {@link ExitCodes}. Other exceptions are bugs and keep picocli's
 * report, trace included.
 */
final class CliErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (e instanceof CliFailure failure) {
      command.getErr().println("s2l: " + failure.getMessage());
      return failure.code();
    }
    if (!(e instanceof ApiException refused)) {
      throw e;
    }
    command.getErr().println("s2l: " + refused.getMessage());
    String hint =
        switch (refused.kind()) {
          case UNREACHABLE ->
              "is the platform running (./s2l up)? --url and --analysis-url say where it is";
          case UNAUTHORIZED -> "check the key in S2L_API_KEY or .s2l/admin-key";
          case FORBIDDEN -> "this key's role does not allow it (docs/access.md)";
          default -> null;
        };
    if (hint != null) {
      command.getErr().println("s2l: " + hint);
    }
    command.getErr().flush();
    return ExitCodes.of(refused.kind());
  }
}
