package io.s2l.launcher.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the dashboard in the user's browser where there is one, and says what it did. */
final class Browser {

  private Browser() {}

  /** Opens {@code url}; returns what happened, for the user to read. */
  static String open(String url) {
    String desktopFailure = "";
    if (!GraphicsEnvironment.isHeadless()
        && Desktop.isDesktopSupported()
        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      try {
        Desktop.getDesktop().browse(URI.create(url));
        return "opened " + url + " in the desktop's browser";
      } catch (IOException | UnsupportedOperationException e) {
        // some desktops announce BROWSE and then fail it: try xdg-open, and say why if it is
        // missing
        desktopFailure = "the desktop could not open it (" + e.getMessage() + "); ";
      }
    }
    Optional<Path> xdgOpen = onPath("xdg-open");
    if (xdgOpen.isPresent()) {
      try {
        new ProcessBuilder(xdgOpen.get().toString(), url)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        return "asked xdg-open to open " + url;
      } catch (IOException e) {
        return "could not run xdg-open (" + e.getMessage() + "); open " + url + " yourself";
      }
    }
    return desktopFailure
        + "no browser found on this machine (no desktop, no xdg-open on PATH); open "
        + url
        + " in a browser that can reach it";
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
