package io.s2l.launcher.cli;

import io.s2l.client.ApiException;

/**
 * The exit codes of the commands that talk to a running platform, one per thing a script may want
 * to tell apart; 2 is picocli's, for a command line it cannot parse.
 */
final class ExitCodes {

  static final int OK = 0;
  static final int STUDY_FAILED = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;
  static final int KEY_REFUSED = 4;
  static final int NOT_FOUND = 5;
  static final int REFUSED = 6;
  static final int SERVER_ERROR = 7;
  static final int NOT_FINISHED = 8;

  /** The help footer of those commands. */
  static final String FOOTER =
      "%nExit codes:%n"
          + "  0  done%n"
          + "  1  the study failed or was cancelled%n"
          + "  2  usage: a bad option or an unreadable file%n"
          + "  3  the platform could not be reached (is ./s2l up running? see --url)%n"
          + "  4  the API key is missing, unknown or not allowed to do this (401, 403)%n"
          + "  5  no such study or import (404)%n"
          + "  6  the request was refused (400, 409, 412, 413, 429); the reasons are printed%n"
          + "  7  the platform failed (5xx) or sent an answer this version cannot read%n"
          + "  8  the study has not finished yet%n"
          + "The API key comes from S2L_API_KEY, else from .s2l/admin-key (written by ./s2l up).";

  private ExitCodes() {}

  static int of(ApiException.Kind kind) {
    return switch (kind) {
      case UNREACHABLE -> UNREACHABLE;
      case UNAUTHORIZED, FORBIDDEN -> KEY_REFUSED;
      case NOT_FOUND -> NOT_FOUND;
      case BAD_REQUEST,
          CONFLICT,
          PRECONDITION_FAILED,
          TOO_LARGE,
          UNPROCESSABLE,
          TOO_MANY_REQUESTS,
          OTHER ->
          REFUSED;
      case SERVER_ERROR, UNREADABLE -> SERVER_ERROR;
    };
  }
}
