package io.s2l.launcher.cli;

/** A command ends with this message on stderr and this exit code ({@link ExitCodes}). */
final class CliFailure extends RuntimeException {

  private final int code;

  CliFailure(int code, String message) {
    super(message);
    this.code = code;
  }

  int code() {
    return code;
  }
}
