package io.s2l.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole of s2l on one machine: PostgreSQL (embedded unless one is given), the experiment and
 * analysis services and N trainer workers, each in its own JVM. Closing stops them in reverse
 * order; workers get a graceful SIGTERM first.
 */
public final class Platform implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  // Ctrl-C to a stopped database: the processes get this long, the database the rest of 10 s.
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(7);
  private static final List<String> SERVICE_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");
  // The analysis service holds whole imports and loss cubes in memory: about 5 bytes per loss.
  private static final List<String> ANALYSIS_JVM = List.of("-Xmx2g", "-XX:+UseParallelGC");
  private static final List<String> WORKER_JVM =
      List.of("-Xmx768m", "-XX:+UseSerialGC", "-Dai.djl.offline=true");

  private final EmbeddedDatabase embedded;
  private final Database database;
  // the coordinates each module connects with: its own role on the embedded database
  private final Map<String, Database> roles;
  private final List<ServiceProcess> processes = new ArrayList<>();
  private final String adminKey;
  private final AtomicBoolean closed = new AtomicBoolean();
  private Thread onExit;
  private String experimentUrl;
  private String analysisUrl;

  private Platform(
      EmbeddedDatabase embedded, Database database, Map<String, Database> roles, String adminKey) {
    this.embedded = embedded;
    this.database = database;
    this.roles = roles;
    this.adminKey = adminKey;
  }

  /** Starts everything and waits until both services are ready. */
  public static Platform start(PlatformSettings settings, Consumer<String> status) {
    EmbeddedDatabase embedded = null;
    Database database = settings.database();
    Map<String, Database> roles = Map.of();
    if (database == null) {
      status.accept("starting embedded PostgreSQL 17");
      embedded = EmbeddedDatabase.start(settings.embeddedDataDirectory(), status);
      database = embedded.coordinates();
      try {
        roles = DatabaseRoles.provision(database);
      } catch (RuntimeException e) {
        embedded.close();
        throw e;
      }
    }
    Platform platform =
        new Platform(embedded, database, roles, AdminKey.resolve(settings.embeddedDataDirectory()));
    // Stopped while still starting (Ctrl-C, SIGTERM): stop what was started, not leave it running.
    Thread onExit = new Thread(platform::close, "s2l-platform-stop");
    Runtime.getRuntime().addShutdownHook(onExit);
    platform.onExit = onExit;
    try {
      platform.startProcesses(settings, status);
      return platform;
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  private void startProcesses(PlatformSettings settings, Consumer<String> status) {
    try {
      Files.createDirectories(settings.logDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int experimentPort = port(settings.experimentPort());
    int analysisPort = port(settings.analysisPort());
    ServiceProcess experiment = null;
    if (settings.experiment()) {
      status.accept("starting experiment-service on port " + experimentPort);
      experiment =
          launch(
              settings,
              "experiment-service",
              SERVICE_JVM,
              // the dashboard's pages reach the analysis service directly, which lets them
              Map.of(
                  "S2L_EXPERIMENT_PORT",
                  "" + experimentPort,
                  "S2L_ANALYSIS_URL",
                  "http://localhost:" + analysisPort),
              experimentPort,
              "experiment-service");
    }
    status.accept("starting analysis-service on port " + analysisPort);
    ServiceProcess analysis =
        launch(
            settings,
            "analysis-service",
            ANALYSIS_JVM,
            Map.of(
                "S2L_ANALYSIS_PORT",
                "" + analysisPort,
                "S2L_CORS_ALLOWED_ORIGINS",
                "http://localhost:" + experimentPort),
            analysisPort,
            "analysis-service");
    // Services migrate their schemas before they are ready; workers start after them so that
    // their first claims find the queue in place.
    if (experiment != null) {
      experiment.awaitReady(START_TIMEOUT);
      experimentUrl = "http://localhost:" + experimentPort;
    }
    analysis.awaitReady(START_TIMEOUT);
    List<ServiceProcess> workers = new ArrayList<>();
    int gpus = Gpus.count();
    Gpus.describe(gpus).forEach(status);
    for (int i = 1; i <= settings.workers(); i++) {
      int workerPort = port(0);
      status.accept("starting trainer-worker " + i + " of " + settings.workers());
      Map<String, String> env = new HashMap<>(Map.of("S2L_WORKER_PORT", "" + workerPort));
      if (gpus > 0) {
        env.put("CUDA_VISIBLE_DEVICES", Gpus.visibleDevices(i - 1, gpus));
      }
      workers.add(
          launch(settings, "trainer-worker", WORKER_JVM, env, workerPort, "trainer-worker-" + i));
    }
    for (ServiceProcess worker : workers) {
      worker.awaitReady(START_TIMEOUT);
    }
    analysisUrl = "http://localhost:" + analysisPort;
  }

  private ServiceProcess launch(
      PlatformSettings settings,
      String module,
      List<String> jvm,
      Map<String, String> extraEnv,
      int port,
      String name) {
    Path jar = settings.home().resolve(module).resolve("target").resolve(module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
    }
    Map<String, String> env = new HashMap<>(extraEnv);
    Database own = database(module);
    env.put("S2L_DB_URL", own.url());
    env.put("S2L_DB_USER", own.user());
    env.put("S2L_DB_PASSWORD", own.password());
    if (!module.equals("trainer-worker")) {
      // not to the workers: they parse user data and run external trainers, and need no API key
      env.put("S2L_ADMIN_KEY", adminKey);
    }
    // each process watches this one and stops when it is gone, however it ended (libs/parent-watch)
    env.put("S2L_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
    if (module.equals("trainer-worker")) {
      MklDispatch.preload(settings.home()).ifPresent(shim -> env.put("LD_PRELOAD", shim));
    }
    env.put("S2L_ARTIFACTS", settings.home().resolve(".s2l").resolve("artifacts").toString());
    ServiceProcess process =
        ServiceProcess.start(
            name, jar, jvm, env, port, settings.logDirectory().resolve(name + ".log"));
    processes.add(process);
    return process;
  }

  public String experimentUrl() {
    return experimentUrl;
  }

  /** The dashboard, served by the experiment service. */
  public String dashboardUrl() {
    return experimentUrl + "/";
  }

  public String analysisUrl() {
    return analysisUrl;
  }

  /** The admin key the services accept (the launcher's own key for its requests). */
  public String adminKey() {
    return adminKey;
  }

  /** The database as its administrator sees it. */
  public Database database() {
    return database;
  }

  /**
   * The coordinates {@code module} connects with: its own role on the embedded database, the given
   * database's single user otherwise.
   */
  public Database database(String module) {
    return roles.getOrDefault(module, database);
  }

  /** Names of started processes that have exited. */
  public List<String> exitedProcesses() {
    return processes.stream().filter(p -> !p.isAlive()).map(ServiceProcess::name).toList();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (onExit != null && Thread.currentThread() != onExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: closing twice is harmless
      }
    }
    // Workers first (they hand running jobs back), all at once; then wait for each until one
    // shared deadline, and force what is left, so that a stop takes STOP_TIMEOUT at most.
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).requestStop();
    }
    java.time.Instant deadline = java.time.Instant.now().plus(STOP_TIMEOUT);
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stopBy(deadline);
    }
    processes.clear();
    if (embedded != null) {
      embedded.close();
    }
  }

  private static int port(int wanted) {
    if (wanted != 0) {
      return wanted;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
