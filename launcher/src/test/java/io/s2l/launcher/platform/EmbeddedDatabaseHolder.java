package io.s2l.launcher.platform;

import java.nio.file.Path;

/**
 * Starts the embedded database on the data directory given as the only argument, prints {@code
 * ready}, and waits to be killed: the earlier run of {@link StaleServerIT}.
 */
public final class EmbeddedDatabaseHolder {

  private EmbeddedDatabaseHolder() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedDatabase.start(Path.of(args[0]), s -> {});
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
