package io.s2l.launcher.cli;

import io.s2l.launcher.platform.Platform;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Start the platform and keep it running until interrupted (Ctrl-C). The embedded"
            + " PostgreSQL keeps its data in .s2l/pgdata between runs.")
final class UpCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", description = "experiment-service port")
  int experimentPort;

  @Option(names = "--analysis-port", defaultValue = "8081", description = "analysis-service port")
  int analysisPort;

  @Mixin PlatformOptions platform;

  @Override
  public Integer call() throws InterruptedException {
    Path state = PlatformOptions.home().resolve(".s2l");
    Platform running =
        Platform.start(
            platform.settings(
                state.resolve("pgdata"), experimentPort, analysisPort, state.resolve("logs")),
            s -> System.out.println("s2l: " + s));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\ns2l: shutting down");
                  running.close();
                  stopped.countDown();
                }));
    System.out.println(
        "s2l is up. Submit studies with ./s2l submit FILE.json --wait, or with curl (see"
            + " README.md), then follow them:");
    System.out.println(
        "  dashboard           " + running.dashboardUrl() + " (sign in with the key)");
    System.out.println("  experiment service  " + running.experimentUrl() + "/api/v1/studies");
    System.out.println(
        "  analysis service    "
            + running.analysisUrl()
            + "/api/v1/studies/{id}/scale-correlation");
    System.out.println(
        "  API docs            "
            + running.experimentUrl()
            + "/swagger-ui.html, "
            + running.analysisUrl()
            + "/swagger-ui.html");
    System.out.println("  database            " + running.database().url());
    System.out.println(
        "  API key (admin)     "
            + running.adminKey()
            + "  (kept in .s2l/admin-key; send it as 'Authorization: Bearer <key>')");
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
