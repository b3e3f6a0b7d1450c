package io.s2l.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.study.JobKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the deployment files (Dockerfiles, docker-compose.yml, k8s/*.yaml) against the code they
 * deploy: environment variables and ports against each module's application.yml, jar names against
 * the Maven build, images between compose and Kubernetes, and the KEDA queue query against the
 * queue's SQL schema. Nothing here needs Docker or a cluster; every check reads the real files.
 */
class DeploymentManifestsTest {

  /** Tests run in launcher/. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final List<String> MODULES =
      List.of("experiment-service", "analysis-service", "trainer-worker");

  private static final String WORKER = "trainer-worker";
  private static final String DISPATCHER = "s2l-dispatcher";
  private static final String ARTIFACTS_CLAIM = "s2l-artifacts";

  /** The job kind of trainers registered with an image, which the dispatcher alone claims. */
  private static final String TRAIN_KUBERNETES = "train-kubernetes";

  private static final String LIVENESS = "/actuator/health/liveness";
  private static final String READINESS = "/actuator/health/readiness";
  private static final String NAMESPACE = "s2l";
  private static final String DB_SECRET = "s2l-db";
  private static final String BASE_IMAGE = "eclipse-temurin:17-jre";
  private static final String GPU_TAG_SUFFIX = "-cuda";
  private static final String KEDA_QUERY =
      "SELECT count(*) FROM queue.job WHERE state IN ('queued','running')"
          + " AND kind IN ('train','featurize')";

  /**
   * Memory limits: 768 MiB for the experiment service, 1.5 GiB for the analysis service (TRAK
   * scores and OpenBLAS work outside the heap), 2 GiB for CPU workers.
   */
  private static final Map<String, Long> MEMORY_LIMIT =
      Map.of("experiment-service", 768L << 20, "analysis-service", 1536L << 20, WORKER, 2L << 30);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
  private static final Pattern PORT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):(\\d+)}");

  // ---------------------------------------------------------------------------------------------
  // application.yml

  @Test
  void everyModuleConfigurationDeclaresAPortDefaultAndHealthProbes() {
    for (String module : MODULES) {
      App app = app(module);
      assertThat(app.port()).as("%s: default of server.port", module).isPositive();
      assertThat(app.placeholders())
          .as("%s/application.yml placeholders", module)
          .contains("S2L_DB_URL", "S2L_DB_USER", "S2L_DB_PASSWORD", app.portVariable());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dockerfiles

  @Test
  void everyDockerfileCopiesTheModuleJarExposesItsPortAndRunsAsNonRoot() {
    for (String module : MODULES) {
      App app = app(module);
      Path path = ROOT.resolve(module).resolve("Dockerfile");
      List<Instruction> instructions = dockerfile(path);
      String jar = builtJar(module);

      List<Instruction> copies = of(instructions, "COPY");
      List<String> sources = new ArrayList<>();
      String destination = null;
      for (Instruction copy : copies) {
        List<String> args =
            Stream.of(copy.args().split("\\s+")).filter(a -> !a.startsWith("--")).toList();
        assertThat(args).as("%s: COPY %s", path, copy.args()).hasSizeGreaterThanOrEqualTo(2);
        List<String> from = args.subList(0, args.size() - 1);
        sources.addAll(from);
        if (from.contains(jar)) {
          String to = args.get(args.size() - 1);
          destination = to.endsWith("/") ? to + Path.of(jar).getFileName() : to;
        }
      }
      assertThat(sources)
          .as(
              "%s must COPY the fat jar Maven builds (<finalName>${project.artifactId}), i.e. %s",
              path, jar)
          .contains(jar);

      Set<String> exposed =
          of(instructions, "EXPOSE").stream()
              .flatMap(e -> Stream.of(e.args().split("\\s+")))
              .map(p -> p.replace("/tcp", ""))
              .collect(Collectors.toSet());
      assertThat(exposed)
          .as("%s must EXPOSE the default port of %s (application.yml server.port)", path, module)
          .containsExactly(Integer.toString(app.port()));

      assertThat(baseImage(path, instructions))
          .as("%s: base image (default of BASE_IMAGE when it is a build arg)", path)
          .isEqualTo(BASE_IMAGE);

      String user = dockerUser(path, instructions);
      assertThat(user.split(":")[0])
          .as("%s must run as a non-root USER", path)
          .isNotIn("root", "0", "");

      List<String> entrypoint = entrypoint(path, instructions);
      assertThat(entrypoint).as("%s ENTRYPOINT", path).isNotEmpty();
      assertThat(entrypoint.get(0)).as("%s ENTRYPOINT runs java", path).isEqualTo("java");
      assertThat(entrypoint)
          .as("%s ENTRYPOINT sizes the heap from the container limit", path)
          .anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="));
      int jarFlag = entrypoint.indexOf("-jar");
      assertThat(jarFlag).as("%s ENTRYPOINT uses -jar", path).isPositive();
      assertThat(jarFlag + 1)
          .as("%s ENTRYPOINT: -jar needs a path", path)
          .isLessThan(entrypoint.size());
      assertThat(entrypoint.get(jarFlag + 1))
          .as("%s ENTRYPOINT must run the jar where COPY put it", path)
          .isEqualTo(destination);
    }
  }

  @Test
  void workerImageSetsTheDjlCacheAndRunsOffline() {
    Path path = ROOT.resolve(WORKER).resolve("Dockerfile");
    List<Instruction> instructions = dockerfile(path);
    assertThat(env(instructions))
        .as("%s ENV", path)
        .containsEntry("DJL_CACHE_DIR", "/var/cache/djl");
    assertThat(entrypoint(path, instructions))
        .as("%s ENTRYPOINT", path)
        .contains("-Dai.djl.offline=true");
    assertThat(of(instructions, "ARG"))
        .as("%s: the GPU variant is chosen with the BASE_IMAGE build arg", path)
        .anyMatch(a -> a.args().startsWith("BASE_IMAGE="));
  }

  @Test
  void workerImageBuildsAndPreloadsTheMklDispatchLibrary() {
    Path path = ROOT.resolve(WORKER).resolve("Dockerfile");
    List<Instruction> instructions = dockerfile(path);
    String source = "trainer-worker/src/main/c/mkl_intel_dispatch.c";
    assertThat(ROOT.resolve(source)).as("the library's source").isRegularFile();
    assertThat(inBuildContext(source))
        .as(".dockerignore must let %s into the build context", source)
        .isTrue();
    String library = env(instructions).get("LD_PRELOAD");
    assertThat(library).as("%s ENV LD_PRELOAD", path).endsWith("/libmkl_intel_dispatch.so");
    String copied =
        of(instructions, "COPY").stream()
            .map(c -> c.args().split("\\s+"))
            .filter(args -> args[0].equals(source))
            .map(args -> args[args.length - 1])
            .findFirst()
            .orElseGet(() -> fail("%s must COPY %s", path, source));
    assertThat(of(instructions, "RUN"))
        .as("%s: a RUN step compiles %s into %s", path, copied, library)
        .anyMatch(
            r -> r.args().contains("-shared") && r.args().contains("-o " + library + " " + copied));
  }

  @Test
  void everyFileTheDockerfilesCopyIsInTheBuildContext() {
    for (String module : MODULES) {
      Path path = ROOT.resolve(module).resolve("Dockerfile");
      for (Instruction copy : of(dockerfile(path), "COPY")) {
        List<String> args =
            Stream.of(copy.args().split("\\s+")).filter(a -> !a.startsWith("--")).toList();
        for (String source : args.subList(0, args.size() - 1)) {
          assertThat(inBuildContext(source))
              .as("%s: COPY %s, but .dockerignore leaves it out of the build context", path, source)
              .isTrue();
        }
      }
    }
    assertThat(inBuildContext("trainer-worker/src/main/java/io/s2l/worker/Main.java"))
        .as("sources other than the copied ones stay out of the build context")
        .isFalse();
  }

  /**
   * Whether {@code .dockerignore} sends {@code file} (relative to the repository root) to the
   * builder: its patterns in order, the last match wins, {@code !} re-includes. The patterns here
   * use only {@code *}, which matches within one path segment, as in Docker.
   */
  private static boolean inBuildContext(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(ROOT.resolve(".dockerignore"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean included = true;
    for (String line : lines) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean negated = pattern.startsWith("!");
      String glob = negated ? pattern.substring(1) : pattern;
      String regex = Pattern.quote(glob).replace("*", "\\E[^/]*\\Q");
      // A pattern matching a directory excludes (or re-includes) everything below it.
      if (file.matches(regex) || file.matches(regex + "/.*")) {
        included = negated;
      }
    }
    return included;
  }

  // ---------------------------------------------------------------------------------------------
  // docker-compose.yml

  @Test
  void composeRunsPostgresWithAHealthcheckAndANamedVolume() {
    Map<String, Object> compose = compose();
    Map<String, Object> postgres =
        map(at(compose, "compose services.postgres", "services", "postgres"), "postgres");
    assertThat(postgres.get("image")).as("compose postgres image").isEqualTo("postgres:17");
    Map<String, String> env = composeEnv(postgres, "postgres");
    assertThat(env)
        .as("compose postgres environment")
        .containsEntry("POSTGRES_DB", "s2l")
        .containsEntry("POSTGRES_USER", "s2l")
        .containsEntry("POSTGRES_PASSWORD", "s2l");
    assertThat(
            String.valueOf(
                at(postgres, "compose postgres healthcheck.test", "healthcheck", "test")))
        .as("compose postgres healthcheck")
        .contains("pg_isready");
    Map<String, Object> volumes =
        map(at(compose, "compose top-level volumes", "volumes"), "volumes");
    List<Object> mounts =
        list(at(postgres, "compose postgres volumes", "volumes"), "postgres volumes");
    assertThat(mounts)
        .as("compose postgres must keep its data in a named volume declared under volumes:")
        .anyMatch(
            m -> {
              String[] parts = String.valueOf(m).split(":");
              return parts.length >= 2
                  && volumes.containsKey(parts[0])
                  && parts[1].equals("/var/lib/postgresql/data");
            });
  }

  @Test
  void composeServicesMatchTheirModules() {
    Map<String, Object> compose = compose();
    Map<String, Object> services = map(compose.get("services"), "compose services");
    Map<String, String> postgresEnv =
        composeEnv(map(services.get("postgres"), "compose postgres"), "postgres");
    for (String module : MODULES) {
      App app = app(module);
      String what = "compose service " + module;
      assertThat(services).as("compose services").containsKey(module);
      Map<String, Object> service = map(services.get(module), what);

      Map<String, Object> build = map(at(service, what + " build", "build"), what + " build");
      assertThat(ROOT.resolve(String.valueOf(build.get("context"))).normalize())
          .as("%s: build context must be the repository root", what)
          .isEqualTo(ROOT);
      assertThat(String.valueOf(build.get("dockerfile")))
          .as("%s: build.dockerfile", what)
          .isEqualTo(module + "/Dockerfile");
      assertThat(ROOT.resolve(module).resolve("Dockerfile"))
          .as("%s Dockerfile", what)
          .isRegularFile();
      assertThat(service.get("image")).as("%s must name the image it builds", what).isNotNull();

      assertThat(
              at(
                  service,
                  what + " depends_on.postgres.condition",
                  "depends_on",
                  "postgres",
                  "condition"))
          .as("%s must wait for a healthy postgres", what)
          .isEqualTo("service_healthy");

      Map<String, String> env = composeEnv(service, what);
      assertThat(app.placeholders())
          .as(
              "%s: every environment variable must be read by %s/src/main/resources/application.yml",
              what, module)
          .containsAll(env.keySet());
      assertThat(env)
          .as("%s database settings must point at the compose postgres", what)
          .containsEntry(
              "S2L_DB_URL", "jdbc:postgresql://postgres:5432/" + postgresEnv.get("POSTGRES_DB"))
          .containsEntry("S2L_DB_USER", "s2l_" + roleOf(module))
          .containsEntry(
              "S2L_DB_PASSWORD",
              postgresEnv.get("S2L_" + roleOf(module).toUpperCase(Locale.ROOT) + "_DB_PASSWORD"));
      if (env.containsKey(app.portVariable())) {
        assertThat(env.get(app.portVariable()))
            .as("%s: %s must keep the default port the image EXPOSEs", what, app.portVariable())
            .isEqualTo(Integer.toString(app.port()));
      }

      Object memory =
          at(
              service,
              what + " deploy.resources.limits.memory",
              "deploy",
              "resources",
              "limits",
              "memory");
      assertThat(composeBytes(String.valueOf(memory)))
          .as("%s memory limit (%s)", what, memory)
          .isEqualTo(MEMORY_LIMIT.get(module));

      if (service.containsKey("healthcheck")) {
        String test =
            String.valueOf(at(service, what + " healthcheck.test", "healthcheck", "test"));
        assertThat(test)
            .as("%s healthcheck must call an actuator probe on the app's port", what)
            .containsAnyOf(
                "localhost:" + app.port() + READINESS, "localhost:" + app.port() + LIVENESS);
        if (test.contains("curl")) {
          assertThat(of(dockerfile(ROOT.resolve(module).resolve("Dockerfile")), "RUN"))
              .as("%s healthcheck uses curl, so its Dockerfile must install curl", what)
              .anyMatch(
                  r -> r.args().contains("install") && r.args().matches("(?s).*\\bcurl\\b.*"));
        }
      }
    }
  }

  @Test
  void composePublishesServicePortsAndLeavesTheWorkerScalable() {
    Map<String, Object> services = map(compose().get("services"), "compose services");
    for (String module : List.of("experiment-service", "analysis-service")) {
      int port = app(module).port();
      assertThat(
              list(map(services.get(module), module).get("ports"), "compose " + module + " ports"))
          .as("compose %s ports", module)
          .containsExactly(port + ":" + port);
    }
    Map<String, Object> worker = map(services.get(WORKER), "compose " + WORKER);
    assertThat(worker)
        .as("compose %s: a published port or container_name breaks --scale", WORKER)
        .doesNotContainKeys("ports", "container_name");
    assertThat(composeEnv(worker, WORKER))
        .as("compose %s environment", WORKER)
        .containsEntry("S2L_WORKER_THREADS", "1");
  }

  // ---------------------------------------------------------------------------------------------
  // Kubernetes

  @Test
  void everyKubernetesObjectLivesInTheS2lNamespace() {
    List<K8s> docs = k8s();
    assertThat(docs).as("k8s/*.yaml documents").isNotEmpty();
    for (K8s k : docs) {
      assertThat(k.doc()).as("%s: document", k).containsKeys("apiVersion", "kind", "metadata");
      if (k.kind().equals("Namespace")) {
        assertThat(k.name()).as("%s", k).isEqualTo(NAMESPACE);
      } else {
        assertThat(at(k.doc(), k + " metadata.namespace", "metadata", "namespace"))
            .as("%s namespace", k)
            .isEqualTo(NAMESPACE);
      }
    }
    assertThat(docs)
        .as("k8s: a Namespace %s", NAMESPACE)
        .anyMatch(k -> k.kind().equals("Namespace"));
  }

  @Test
  void theDatabaseSecretHasConsistentJdbcAndKedaCoordinates() {
    Map<String, String> secret = dbSecret();
    assertThat(secret)
        .as("Secret %s keys", DB_SECRET)
        .containsKeys(
            "url",
            "experiment-user",
            "experiment-password",
            "analysis-user",
            "analysis-password",
            "worker-user",
            "worker-password",
            "connection");
    String url = secret.get("url");
    assertThat(url).as("Secret %s url is a JDBC URL", DB_SECRET).startsWith("jdbc:postgresql://");
    URI jdbc = URI.create(url.substring("jdbc:".length()));
    URI libpq = URI.create(secret.get("connection"));
    assertThat(libpq.getScheme()).as("Secret connection scheme").isIn("postgresql", "postgres");
    assertThat(libpq.getHost()).as("Secret connection host vs url").isEqualTo(jdbc.getHost());
    assertThat(libpq.getPort()).as("Secret connection port vs url").isEqualTo(jdbc.getPort());
    assertThat(libpq.getPath()).as("Secret connection database vs url").isEqualTo(jdbc.getPath());
    assertThat(libpq.getUserInfo())
        .as("Secret connection credentials vs the workers' role (KEDA reads the queue's depth)")
        .isEqualTo(secret.get("worker-user") + ":" + secret.get("worker-password"));
  }

  @Test
  void kubernetesDeploymentsMatchTheirModules() {
    List<K8s> deployments = ofKind("Deployment");
    Map<String, String> secret = dbSecret();
    Set<String> deployed = new TreeSet<>();
    for (K8s k : deployments) {
      Map<String, Object> spec = map(at(k.doc(), k + " spec", "spec"), k + " spec");
      Map<String, Object> template =
          map(at(spec, k + " spec.template", "template"), k + " template");
      Map<String, Object> selector =
          map(
              at(spec, k + " spec.selector.matchLabels", "selector", "matchLabels"),
              k + " selector");
      Map<String, Object> labels =
          map(at(template, k + " template labels", "metadata", "labels"), k + " template labels");
      assertThat(labels)
          .as("%s: pod labels must match the selector", k)
          .containsAllEntriesOf(selector);

      Map<String, Object> podSpec = map(at(template, k + " pod spec", "spec"), k + " pod spec");
      List<Object> containers = list(podSpec.get("containers"), k + " containers");
      assertThat(containers).as("%s containers", k).hasSize(1);
      Map<String, Object> container = map(containers.get(0), k + " container");
      Image image = Image.parse(String.valueOf(container.get("image")));
      String module = image.module();
      assertThat(MODULES)
          .as("%s: image %s must be one of the modules' images", k, image)
          .contains(module);
      deployed.add(module);
      App app = app(module);

      // Environment: names the application reads; database settings from the Secret.
      List<Object> env = list(container.get("env"), k + " env");
      for (Object e : env) {
        Map<String, Object> var = map(e, k + " env entry");
        String name = String.valueOf(var.get("name"));
        assertThat(app.placeholders())
            .as("%s: env %s must be read by %s/src/main/resources/application.yml", k, name, module)
            .contains(name);
        if (name.startsWith("S2L_DB_")) {
          Object ref =
              at(var, k + " env " + name + " valueFrom.secretKeyRef", "valueFrom", "secretKeyRef");
          Map<String, Object> secretRef = map(ref, k + " secretKeyRef");
          assertThat(secretRef.get("name")).as("%s env %s secret", k, name).isEqualTo(DB_SECRET);
          assertThat(secret)
              .as("%s env %s: key in Secret %s", k, name, DB_SECRET)
              .containsKey(String.valueOf(secretRef.get("key")));
          if (!name.equals("S2L_DB_URL")) {
            assertThat(String.valueOf(secretRef.get("key")))
                .as("%s env %s: the credentials of its own database role", k, name)
                .startsWith(roleOf(module) + "-");
          }
        }
        if (name.equals(app.portVariable())) {
          assertThat(String.valueOf(var.get("value")))
              .as("%s: %s must keep the default port", k, name)
              .isEqualTo(Integer.toString(app.port()));
        }
      }
      Set<String> names =
          env.stream()
              .map(e -> String.valueOf(map(e, "env").get("name")))
              .collect(Collectors.toSet());
      assertThat(names).as("%s env", k).contains("S2L_DB_URL", "S2L_DB_USER", "S2L_DB_PASSWORD");

      // Ports and probes.
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (Object p : list(container.get("ports"), k + " ports")) {
        Map<String, Object> port = map(p, k + " port");
        ports.put(
            String.valueOf(port.get("name")), ((Number) port.get("containerPort")).intValue());
      }
      assertThat(ports.values()).as("%s containerPort", k).containsExactly(app.port());
      Map<String, String> probePaths =
          Map.of(
              "livenessProbe", LIVENESS,
              "readinessProbe", READINESS,
              "startupProbe", LIVENESS + "|" + READINESS);
      for (Map.Entry<String, String> probe : probePaths.entrySet()) {
        if (probe.getKey().equals("startupProbe") && !container.containsKey("startupProbe")) {
          continue;
        }
        Map<String, Object> httpGet =
            map(
                at(container, k + " " + probe.getKey() + ".httpGet", probe.getKey(), "httpGet"),
                "httpGet");
        assertThat(String.valueOf(httpGet.get("path")))
            .as("%s %s path", k, probe.getKey())
            .matches(probe.getValue());
        Object port = httpGet.get("port");
        int number =
            port instanceof Number n ? n.intValue() : ports.getOrDefault(String.valueOf(port), -1);
        assertThat(number).as("%s %s port (%s)", k, probe.getKey(), port).isEqualTo(app.port());
      }

      // Resources.
      Map<String, Object> resources = map(container.get("resources"), k + " resources");
      Map<String, Object> requests = map(resources.get("requests"), k + " resources.requests");
      Map<String, Object> limits = map(resources.get("limits"), k + " resources.limits");
      assertThat(requests).as("%s requests", k).containsKeys("cpu", "memory");
      assertThat(limits).as("%s limits", k).containsKey("memory");
      if (!isGpu(k)) {
        assertThat(k8sBytes(String.valueOf(limits.get("memory"))))
            .as("%s memory limit (%s)", k, limits.get("memory"))
            .isEqualTo(MEMORY_LIMIT.get(module));
      }

      // The image's USER, if the pod names one.
      Object runAsUser = at(podSpec, null, "securityContext", "runAsUser");
      if (runAsUser != null) {
        Path dockerfile = ROOT.resolve(module).resolve("Dockerfile");
        assertThat(String.valueOf(runAsUser))
            .as("%s runAsUser vs %s USER", k, dockerfile)
            .isEqualTo(dockerUser(dockerfile, dockerfile(dockerfile)).split(":")[0]);
      }
    }
    assertThat(deployed)
        .as("k8s: a Deployment for every module")
        .containsExactlyInAnyOrderElementsOf(MODULES);
  }

  @Test
  void kubernetesServicesRouteToTheirDeployments() {
    List<K8s> deployments = ofKind("Deployment");
    Set<String> routed = new TreeSet<>();
    for (K8s service : ofKind("Service")) {
      Map<String, Object> selector =
          map(at(service.doc(), service + " spec.selector", "spec", "selector"), "selector");
      List<K8s> targets =
          deployments.stream()
              .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet()))
              .toList();
      assertThat(targets)
          .as("%s selector %s must pick exactly one Deployment", service, selector)
          .hasSize(1);
      K8s target = targets.get(0);
      int port = app(image(target).module()).port();
      for (Object p : list(at(service.doc(), service + " spec.ports", "spec", "ports"), "ports")) {
        Map<String, Object> sp = map(p, service + " port");
        Object targetPort = sp.getOrDefault("targetPort", sp.get("port"));
        assertThat(
                targetPort instanceof Number n
                    ? n.intValue()
                    : containerPortNamed(target, targetPort))
            .as("%s targetPort must be %s's port", service, target)
            .isEqualTo(port);
      }
      routed.add(target.name());
    }
    assertThat(routed).as("k8s Services").contains("experiment-service", "analysis-service");
  }

  @Test
  void cpuWorkersRunTwoSingleThreadedReplicas() {
    K8s worker = deployment(WORKER);
    assertThat(image(worker).module()).as("%s image", worker).isEqualTo(WORKER);
    assertThat(at(worker.doc(), worker + " spec.replicas", "spec", "replicas"))
        .as("%s replicas", worker)
        .isEqualTo(2);
    Map<String, Object> container = container(worker);
    assertThat(envValues(container)).as("%s env", worker).containsEntry("S2L_WORKER_THREADS", "1");
    Object cpu = at(container, worker + " requests.cpu", "resources", "requests", "cpu");
    assertThat(milliCpu(cpu)).as("%s cpu request (%s)", worker, cpu).isEqualTo(1000);
  }

  @Test
  void gpuWorkersAskForAGpuNodeAndUseTheCudaTagOfTheComposeImage() {
    List<K8s> gpu = ofKind("Deployment").stream().filter(DeploymentManifestsTest::isGpu).toList();
    assertThat(gpu).as("k8s: a GPU worker Deployment (nvidia.com/gpu limit)").hasSize(1);
    K8s k = gpu.get(0);
    Map<String, Object> container = container(k);
    Object gpus =
        at(container, k + " limits nvidia.com/gpu", "resources", "limits", "nvidia.com/gpu");
    assertThat(String.valueOf(gpus)).as("%s nvidia.com/gpu", k).isEqualTo("1");
    Map<String, Object> podSpec =
        map(at(k.doc(), k + " pod spec", "spec", "template", "spec"), "pod spec");
    assertThat(podSpec)
        .as("%s must target GPU nodes", k)
        .containsKeys("nodeSelector", "tolerations");

    Image image = image(k);
    Image composed = composeImages().get(WORKER);
    assertThat(image.sameRepository(composed))
        .as("%s image %s must be the compose image %s", k, image, composed)
        .isTrue();
    assertThat(image.tag()).as("%s image tag", k).isEqualTo(composed.tag() + GPU_TAG_SUFFIX);

    Map<String, Object> cpuSelector =
        map(
            at(deployment(WORKER).doc(), "selector", "spec", "selector", "matchLabels"),
            "selector");
    assertThat(podLabels(k).entrySet().containsAll(cpuSelector.entrySet()))
        .as("%s pods must not match the CPU %s selector (KEDA scales that one)", k, WORKER)
        .isFalse();
  }

  @Test
  void kubernetesImagesAreTheImagesComposeBuilds() {
    Map<String, Image> composed = composeImages();
    assertThat(composed.keySet()).as("compose images").containsExactlyInAnyOrderElementsOf(MODULES);
    for (K8s k : ofKind("Deployment")) {
      if (isGpu(k)) {
        continue; // its CUDA tag is checked above
      }
      Image image = image(k);
      Image expected = composed.get(image.module());
      assertThat(image.sameRepository(expected) && image.tag().equals(expected.tag()))
          .as(
              "%s image %s must be the one compose builds: %s (a registry prefix is allowed)",
              k, image, expected)
          .isTrue();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The Kubernetes dispatcher

  @Test
  void everyDeploymentMountingTheArtifactStoreFindsItWhereItIsMounted() {
    for (K8s k : ofKind("Deployment")) {
      Map<String, Object> podSpec =
          map(at(k.doc(), k + " pod spec", "spec", "template", "spec"), k + " pod spec");
      String volume = artifactsVolume(podSpec);
      if (volume == null) {
        continue;
      }
      String mountPath = mountPath(container(k), volume);
      String module = image(k).module();
      String configured =
          envValues(container(k))
              .getOrDefault(
                  "S2L_ARTIFACTS",
                  env(dockerfile(ROOT.resolve(module).resolve("Dockerfile"))).get("S2L_ARTIFACTS"));
      assertThat(configured)
          .as(
              "%s mounts %s at %s, so S2L_ARTIFACTS (its env or its image's ENV) must name it",
              k, ARTIFACTS_CLAIM, mountPath)
          .isEqualTo(mountPath);
    }
  }

  @Test
  void theDispatcherClaimsOnlyKubernetesJobsAndMountsTheArtifactStoreWhereItsPodsWill() {
    K8s dispatcher = deployment(DISPATCHER);
    assertThat(image(dispatcher).module()).as("%s image", dispatcher).isEqualTo(WORKER);
    Map<String, String> env = envValues(container(dispatcher));
    assertThat(env)
        .as("%s env", dispatcher)
        .containsEntry("S2L_QUEUE_KINDS", TRAIN_KUBERNETES)
        .containsEntry("S2L_KUBERNETES_ENABLED", "true")
        .containsEntry("S2L_KUBERNETES_ARTIFACTS_CLAIM", ARTIFACTS_CLAIM);
    Map<String, Object> podSpec =
        map(at(dispatcher.doc(), "pod spec", "spec", "template", "spec"), "pod spec");
    assertThat(artifactsVolume(podSpec))
        .as("%s mounts %s", dispatcher, ARTIFACTS_CLAIM)
        .isNotNull();

    List<K8s> claims =
        ofKind("PersistentVolumeClaim").stream()
            .filter(c -> c.name().equals(ARTIFACTS_CLAIM))
            .toList();
    assertThat(claims).as("k8s PersistentVolumeClaim %s", ARTIFACTS_CLAIM).hasSize(1);
    assertThat(list(at(claims.get(0).doc(), "accessModes", "spec", "accessModes"), "accessModes"))
        .as("%s: trainer pods on other nodes mount it too", claims.get(0))
        .containsExactly("ReadWriteMany");

    Set<String> accounts =
        ofKind("ServiceAccount").stream().map(K8s::name).collect(Collectors.toSet());
    assertThat(accounts)
        .as("%s: its own and its trainer pods' service accounts", dispatcher)
        .contains(
            String.valueOf(podSpec.get("serviceAccountName")),
            env.get("S2L_KUBERNETES_SERVICE_ACCOUNT"));
  }

  @Test
  void theDispatchersRoleAllowsExactlyTheCallsItMakesInItsNamespace() {
    String account =
        String.valueOf(
            at(
                deployment(DISPATCHER).doc(),
                "serviceAccountName",
                "spec",
                "template",
                "spec",
                "serviceAccountName"));
    assertThat(ofKind("ClusterRole")).as("k8s: no cluster-wide permissions").isEmpty();
    assertThat(ofKind("ClusterRoleBinding")).as("k8s: no cluster-wide permissions").isEmpty();
    List<String> roles = new ArrayList<>();
    for (K8s binding : ofKind("RoleBinding")) {
      boolean bindsAccount =
          list(binding.doc().get("subjects"), binding + " subjects").stream()
              .map(s -> map(s, "subject"))
              .anyMatch(
                  s -> "ServiceAccount".equals(s.get("kind")) && account.equals(s.get("name")));
      if (bindsAccount) {
        Map<String, Object> ref = map(binding.doc().get("roleRef"), binding + " roleRef");
        assertThat(ref.get("kind")).as("%s roleRef kind", binding).isEqualTo("Role");
        roles.add(String.valueOf(ref.get("name")));
      }
    }
    assertThat(roles).as("RoleBindings of ServiceAccount %s", account).hasSize(1);
    K8s role =
        ofKind("Role").stream()
            .filter(r -> r.name().equals(roles.get(0)))
            .findFirst()
            .orElseGet(() -> fail("k8s Role %s", roles.get(0)));
    Map<String, Set<String>> allowed = new TreeMap<>();
    for (Object r : list(role.doc().get("rules"), role + " rules")) {
      Map<String, Object> rule = map(r, role + " rule");
      for (Object group : list(rule.get("apiGroups"), "apiGroups")) {
        for (Object resource : list(rule.get("resources"), "resources")) {
          allowed
              .computeIfAbsent(group + "/" + resource, x -> new TreeSet<>())
              .addAll(list(rule.get("verbs"), "verbs").stream().map(String::valueOf).toList());
        }
      }
    }
    assertThat(allowed)
        .as("%s rules", role)
        .isEqualTo(
            Map.of(
                "batch/jobs", Set.of("create", "get", "list", "watch", "delete"),
                "/configmaps", Set.of("create", "get", "delete"),
                "/pods", Set.of("get", "list", "watch"),
                "/pods/log", Set.of("get")));
  }

  @Test
  void theExampleTrainerRegistrationRunsTheReferenceTrainerImage() throws IOException {
    Path file = ROOT.resolve("k8s/examples/trainer-pytorch-k8s.json");
    Map<?, ?> trainer = new ObjectMapper().readValue(read(file), Map.class);
    assertThat(trainer.get("name")).as("%s name", file).isNotNull();
    assertThat(trainer.get("command")).as("%s command", file).isInstanceOf(List.class);
    Map<?, ?> target = (Map<?, ?>) trainer.get("kubernetes");
    assertThat(target).as("%s kubernetes", file).isNotNull();
    assertThat(Image.parse(String.valueOf(target.get("image"))).repository())
        .as("%s image", file)
        .isEqualTo("s2l/trainer-pytorch");
    assertThat(((Number) target.get("gpus")).intValue())
        .as("%s: a trainer that needs a GPU asks the pod for one", file)
        .isEqualTo(Boolean.TRUE.equals(trainer.get("gpu")) ? 1 : 0);
  }

  /** The name of the pod volume holding the artifact store's claim, or null. */
  private static String artifactsVolume(Map<String, Object> podSpec) {
    if (!(podSpec.get("volumes") instanceof List<?> volumes)) {
      return null;
    }
    for (Object v : volumes) {
      Map<String, Object> volume = map(v, "volume");
      Object claim = at(volume, null, "persistentVolumeClaim", "claimName");
      if (ARTIFACTS_CLAIM.equals(claim)) {
        return String.valueOf(volume.get("name"));
      }
    }
    return null;
  }

  private static String mountPath(Map<String, Object> container, String volume) {
    for (Object m : list(container.get("volumeMounts"), "volumeMounts")) {
      Map<String, Object> mount = map(m, "volumeMount");
      if (volume.equals(mount.get("name"))) {
        return String.valueOf(mount.get("mountPath"));
      }
    }
    return fail("volume %s is not mounted", volume);
  }

  // ---------------------------------------------------------------------------------------------
  // KEDA

  @Test
  void kedaScalesTheCpuWorkersOnTheQueueDepth() {
    List<K8s> scaled = ofKind("ScaledObject");
    assertThat(scaled).as("k8s ScaledObject").hasSize(1);
    K8s so = scaled.get(0);
    assertThat(String.valueOf(so.doc().get("apiVersion")))
        .as("%s apiVersion", so)
        .startsWith("keda.sh/");
    Map<String, Object> spec = map(so.doc().get("spec"), so + " spec");
    String target = String.valueOf(at(spec, so + " scaleTargetRef.name", "scaleTargetRef", "name"));
    assertThat(target).as("%s scaleTargetRef", so).isEqualTo(WORKER);
    assertThat(image(deployment(target)).module()).as("%s target's image", so).isEqualTo(WORKER);
    assertThat(spec.get("minReplicaCount")).as("%s minReplicaCount", so).isEqualTo(1);
    assertThat(spec.get("maxReplicaCount")).as("%s maxReplicaCount", so).isEqualTo(16);

    List<Object> triggers = list(spec.get("triggers"), so + " triggers");
    assertThat(triggers).as("%s triggers", so).hasSize(1);
    Map<String, Object> trigger = map(triggers.get(0), so + " trigger");
    assertThat(trigger.get("type")).as("%s trigger type", so).isEqualTo("postgresql");
    Map<String, Object> metadata = map(trigger.get("metadata"), so + " trigger metadata");
    assertThat(metadata.get("targetQueryValue")).as("%s targetQueryValue", so).isEqualTo("1");
    assertThat(normalise(String.valueOf(metadata.get("query"))))
        .as("%s query", so)
        .isEqualTo(KEDA_QUERY);

    String auth =
        String.valueOf(at(trigger, so + " authenticationRef.name", "authenticationRef", "name"));
    List<K8s> auths =
        ofKind("TriggerAuthentication").stream().filter(a -> a.name().equals(auth)).toList();
    assertThat(auths).as("%s: TriggerAuthentication %s", so, auth).hasSize(1);
    List<Object> refs =
        list(
            at(auths.get(0).doc(), "secretTargetRef", "spec", "secretTargetRef"),
            "secretTargetRef");
    Map<String, String> secret = dbSecret();
    assertThat(refs)
        .as("%s must read the KEDA connection string from Secret %s", auths.get(0), DB_SECRET)
        .anyMatch(
            r -> {
              Map<String, Object> ref = map(r, "secretTargetRef entry");
              return "connection".equals(ref.get("parameter"))
                  && DB_SECRET.equals(ref.get("name"))
                  && secret.containsKey(String.valueOf(ref.get("key")));
            });
  }

  @Test
  void kedaQueryNamesTheQueueTableColumnsAndStatesOfTheSchema() {
    Path sqlFile = ROOT.resolve("libs/job-queue/src/main/resources/db/queue/V1__job_queue.sql");
    Table table = table(sqlFile);
    List<K8s> scaled = ofKind("ScaledObject");
    assertThat(scaled).as("k8s ScaledObject").isNotEmpty();
    for (K8s so : scaled) {
      for (Object t : list(at(so.doc(), "triggers", "spec", "triggers"), "triggers")) {
        String query = String.valueOf(at(map(t, "trigger"), so + " query", "metadata", "query"));

        Matcher from = Pattern.compile("(?i)\\bFROM\\s+([\\w.]+)").matcher(query);
        assertThat(from.find()).as("%s query has a FROM: %s", so, query).isTrue();
        assertThat(from.group(1)).as("%s query table vs %s", so, sqlFile).isEqualTo(table.name());

        Matcher in = Pattern.compile("(?i)\\b(\\w+)\\s+IN\\s*\\(([^)]*)\\)").matcher(query);
        Matcher eq = Pattern.compile("(?i)\\b(\\w+)\\s*=\\s*'([^']*)'").matcher(query);
        Map<String, Set<String>> conditions = new LinkedHashMap<>();
        while (in.find()) {
          conditions.put(in.group(1).toLowerCase(), quoted(in.group(2)));
        }
        while (eq.find()) {
          conditions.put(eq.group(1).toLowerCase(), Set.of(eq.group(2)));
        }
        assertThat(conditions).as("%s query conditions", so).containsKeys("state", "kind");
        for (Map.Entry<String, Set<String>> condition : conditions.entrySet()) {
          assertThat(table.columns())
              .as(
                  "%s query column %s must exist in %s (%s)",
                  so, condition.getKey(), table.name(), sqlFile)
              .contains(condition.getKey());
          Set<String> allowed = table.checks().get(condition.getKey());
          if (allowed != null) {
            assertThat(allowed)
                .as(
                    "%s query values of %s must be allowed by the CHECK in %s",
                    so, condition.getKey(), sqlFile)
                .containsAll(condition.getValue());
          }
        }
        assertThat(conditions.get("state"))
            .as("%s: jobs that need a worker are queued or running", so)
            .containsExactlyInAnyOrder("queued", "running");
        assertThat(conditions.get("kind"))
            .as("%s: kinds must be the ones trainer workers claim", so)
            .containsExactlyInAnyOrder(JobKinds.TRAIN, JobKinds.FEATURIZE);
      }
    }
  }

  // =============================================================================================
  // Reading the files

  private record App(String module, Set<String> placeholders, String portVariable, int port) {}

  private static App app(String module) {
    Path path = ROOT.resolve(module).resolve("src/main/resources/application.yml");
    String text = read(path);
    Set<String> placeholders = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(line);
      while (m.find()) {
        placeholders.add(m.group(1));
      }
    }
    List<Map<String, Object>> docs = yaml(path);
    assertThat(docs).as("%s documents", path).hasSize(1);
    Map<String, Object> config = docs.get(0);
    String port = String.valueOf(at(config, path + " server.port", "server", "port"));
    Matcher m = PORT_PLACEHOLDER.matcher(port);
    assertThat(m.matches())
        .as("%s server.port must be ${VARIABLE:default}, is %s", path, port)
        .isTrue();
    assertThat(
            at(
                config,
                path + " management.endpoint.health.probes.enabled",
                "management",
                "endpoint",
                "health",
                "probes",
                "enabled"))
        .as(
            "%s: the liveness/readiness probe endpoints need management.endpoint.health.probes.enabled",
            path)
        .isEqualTo(Boolean.TRUE);
    return new App(module, placeholders, m.group(1), Integer.parseInt(m.group(2)));
  }

  /** {@code <module>/target/<finalName>.jar}, after checking that finalName is the artifactId. */
  private static String builtJar(String module) {
    Path pom = ROOT.resolve(module).resolve("pom.xml");
    String text = read(pom).replaceAll("(?s)<parent>.*?</parent>", "");
    Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
    assertThat(artifact.find()).as("%s artifactId", pom).isTrue();
    assertThat(artifact.group(1)).as("%s artifactId", pom).isEqualTo(module);
    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(text);
    assertThat(finalName.find()).as("%s <finalName>", pom).isTrue();
    assertThat(finalName.group(1)).as("%s <finalName>", pom).isEqualTo("${project.artifactId}");
    return module + "/target/" + module + ".jar";
  }

  private record Instruction(String keyword, String args) {}

  private static List<Instruction> dockerfile(Path path) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : read(path).split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String full = current.toString().strip();
      current.setLength(0);
      if (full.isEmpty()) {
        continue;
      }
      String[] parts = full.split("\\s+", 2);
      instructions.add(
          new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
    }
    assertThat(current.toString().strip()).as("%s ends inside a continued line", path).isEmpty();
    assertThat(instructions).as("%s instructions", path).isNotEmpty();
    return instructions;
  }

  private static List<Instruction> of(List<Instruction> instructions, String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  private static String baseImage(Path path, List<Instruction> instructions) {
    List<Instruction> froms = of(instructions, "FROM");
    assertThat(froms).as("%s FROM (single stage)", path).hasSize(1);
    String image = froms.get(0).args().split("\\s+")[0];
    Matcher variable = Pattern.compile("\\$\\{?(\\w+)}?").matcher(image);
    if (variable.matches()) {
      String name = variable.group(1);
      image =
          of(instructions, "ARG").stream()
              .map(Instruction::args)
              .filter(a -> a.startsWith(name + "="))
              .map(a -> a.substring(name.length() + 1))
              .findFirst()
              .orElseGet(() -> fail("%s: FROM %s has no ARG default", path, name));
    }
    return image;
  }

  private static String dockerUser(Path path, List<Instruction> instructions) {
    List<Instruction> users = of(instructions, "USER");
    assertThat(users).as("%s USER", path).isNotEmpty();
    return users.get(users.size() - 1).args();
  }

  @SuppressWarnings("unchecked")
  private static List<String> entrypoint(Path path, List<Instruction> instructions) {
    List<Instruction> entrypoints = of(instructions, "ENTRYPOINT");
    assertThat(entrypoints).as("%s ENTRYPOINT", path).hasSize(1);
    String args = entrypoints.get(0).args();
    assertThat(args)
        .as("%s ENTRYPOINT must use the exec (JSON) form so java gets SIGTERM", path)
        .startsWith("[");
    try {
      return new ObjectMapper().readValue(args, List.class);
    } catch (IOException e) {
      return fail("%s ENTRYPOINT is not a JSON array: %s", path, args);
    }
  }

  private static Map<String, String> env(List<Instruction> instructions) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Instruction i : of(instructions, "ENV")) {
      if (i.args().contains("=")) {
        for (String pair : i.args().split("\\s+")) {
          String[] kv = pair.split("=", 2);
          env.put(kv[0], kv.length > 1 ? kv[1].replace("\"", "") : "");
        }
      } else {
        String[] kv = i.args().split("\\s+", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return env;
  }

  private static Map<String, Object> compose() {
    List<Map<String, Object>> docs = yaml(ROOT.resolve("docker-compose.yml"));
    assertThat(docs).as("docker-compose.yml documents").hasSize(1);
    return docs.get(0);
  }

  private static Map<String, String> composeEnv(Map<String, Object> service, String what) {
    Object env = service.get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (env == null) {
      return result;
    }
    if (env instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            assertThat(v)
                .as("%s environment %s: quote it, compose wants strings", what, k)
                .isInstanceOf(String.class);
            result.put(String.valueOf(k), String.valueOf(v));
          });
    } else {
      for (Object e : list(env, what + " environment")) {
        String[] kv = String.valueOf(e).split("=", 2);
        result.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return result;
  }

  /** Module -> image, for every compose service built from a module Dockerfile. */
  private static Map<String, Image> composeImages() {
    Map<String, Image> images = new LinkedHashMap<>();
    map(compose().get("services"), "compose services")
        .forEach(
            (name, s) -> {
              Map<String, Object> service = map(s, "compose " + name);
              if (service.get("build") instanceof Map<?, ?> build) {
                String dockerfile = String.valueOf(build.get("dockerfile"));
                String module = dockerfile.replaceFirst("/Dockerfile$", "");
                Object image = service.get("image");
                assertThat(image).as("compose %s image", name).isNotNull();
                images.put(module, Image.parse(String.valueOf(image)));
              }
            });
    return images;
  }

  private record K8s(Path file, int index, Map<String, Object> doc) {
    String kind() {
      return String.valueOf(doc.get("kind"));
    }

    String name() {
      return String.valueOf(at(doc, this + " metadata.name", "metadata", "name"));
    }

    @Override
    public String toString() {
      return ROOT.relativize(file) + "#" + index + " " + doc.get("kind") + " " + nameOrNull();
    }

    private Object nameOrNull() {
      return doc.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
    }
  }

  private static List<K8s> k8s() {
    Path dir = ROOT.resolve("k8s");
    assertThat(dir).as("k8s directory").isDirectory();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("k8s/*.yaml").isNotEmpty();
    List<K8s> docs = new ArrayList<>();
    for (Path file : files) {
      List<Map<String, Object>> inFile = yaml(file);
      for (int i = 0; i < inFile.size(); i++) {
        docs.add(new K8s(file, i, inFile.get(i)));
      }
    }
    return docs;
  }

  private static List<K8s> ofKind(String kind) {
    return k8s().stream().filter(k -> k.kind().equals(kind)).toList();
  }

  private static K8s deployment(String name) {
    List<K8s> found = ofKind("Deployment").stream().filter(d -> d.name().equals(name)).toList();
    assertThat(found).as("k8s Deployment %s", name).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> container(K8s deployment) {
    List<Object> containers =
        list(
            at(
                deployment.doc(),
                deployment + " containers",
                "spec",
                "template",
                "spec",
                "containers"),
            "containers");
    assertThat(containers).as("%s containers", deployment).isNotEmpty();
    return map(containers.get(0), deployment + " container");
  }

  private static Image image(K8s deployment) {
    return Image.parse(String.valueOf(container(deployment).get("image")));
  }

  private static Map<String, Object> podLabels(K8s deployment) {
    return map(
        at(deployment.doc(), deployment + " pod labels", "spec", "template", "metadata", "labels"),
        deployment + " pod labels");
  }

  private static int containerPortNamed(K8s deployment, Object name) {
    for (Object p : list(container(deployment).get("ports"), deployment + " ports")) {
      Map<String, Object> port = map(p, "port");
      if (String.valueOf(name).equals(String.valueOf(port.get("name")))) {
        return ((Number) port.get("containerPort")).intValue();
      }
    }
    return fail("%s has no container port named %s", deployment, name);
  }

  private static Map<String, String> envValues(Map<String, Object> container) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Object e : list(container.get("env"), "env")) {
      Map<String, Object> var = map(e, "env entry");
      if (var.containsKey("value")) {
        assertThat(var.get("value"))
            .as("env %s: Kubernetes env values must be strings", var.get("name"))
            .isInstanceOf(String.class);
        values.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
      }
    }
    return values;
  }

  private static boolean isGpu(K8s deployment) {
    return at(container(deployment), null, "resources", "limits", "nvidia.com/gpu") != null;
  }

  private static Map<String, String> dbSecret() {
    List<K8s> secrets = ofKind("Secret").stream().filter(s -> s.name().equals(DB_SECRET)).toList();
    assertThat(secrets).as("k8s Secret %s", DB_SECRET).hasSize(1);
    Map<String, Object> doc = secrets.get(0).doc();
    Map<String, String> values = new LinkedHashMap<>();
    if (doc.get("data") instanceof Map<?, ?> data) {
      data.forEach(
          (k, v) ->
              values.put(
                  String.valueOf(k),
                  new String(java.util.Base64.getDecoder().decode(String.valueOf(v)))));
    }
    if (doc.get("stringData") instanceof Map<?, ?> data) {
      data.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
    }
    return values;
  }

  private record Image(String repository, String tag) {
    static Image parse(String reference) {
      String ref = reference.split("@")[0];
      int slash = ref.lastIndexOf('/');
      int colon = ref.lastIndexOf(':');
      return colon > slash
          ? new Image(ref.substring(0, colon), ref.substring(colon + 1))
          : new Image(ref, "latest");
    }

    String module() {
      return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** Equal, or this one is {@code other} under a registry prefix. */
    boolean sameRepository(Image other) {
      return repository.equals(other.repository) || repository.endsWith("/" + other.repository);
    }

    @Override
    public String toString() {
      return repository + ":" + tag;
    }
  }

  private record Table(String name, Set<String> columns, Map<String, Set<String>> checks) {}

  /**
   * The one CREATE TABLE of a migration: its name, column names and CHECK (col IN (...)) values.
   */
  private static Table table(Path sqlFile) {
    String sql = read(sqlFile).replaceAll("--[^\n]*", "");
    Matcher create =
        Pattern.compile("(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.]+)\\s*\\(")
            .matcher(sql);
    assertThat(create.find()).as("%s CREATE TABLE", sqlFile).isTrue();
    String name = create.group(1);
    int depth = 1;
    int i = create.end();
    StringBuilder part = new StringBuilder();
    List<String> parts = new ArrayList<>();
    for (; i < sql.length() && depth > 0; i++) {
      char c = sql.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (depth == 0 || (c == ',' && depth == 1)) {
        parts.add(part.toString().strip());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    Set<String> columns = new LinkedHashSet<>();
    Map<String, Set<String>> checks = new LinkedHashMap<>();
    Pattern check = Pattern.compile("(?is)CHECK\\s*\\(\\s*(\\w+)\\s+IN\\s*\\(([^)]*)\\)\\s*\\)");
    for (String p : parts) {
      String first = p.split("\\s+")[0].toLowerCase();
      if (!Set.of("unique", "primary", "check", "constraint", "foreign", "exclude")
          .contains(first)) {
        columns.add(first);
      }
      Matcher m = check.matcher(p);
      while (m.find()) {
        checks.put(m.group(1).toLowerCase(), quoted(m.group(2)));
      }
    }
    assertThat(columns).as("%s columns of %s", sqlFile, name).isNotEmpty();
    return new Table(name, columns, checks);
  }

  private static Set<String> quoted(String list) {
    Set<String> values = new LinkedHashSet<>();
    Matcher m = Pattern.compile("'([^']*)'").matcher(list);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  private static String read(Path path) {
    assertThat(path)
        .as("file %s", ROOT.relativize(path.toAbsolutePath().normalize()))
        .isRegularFile();
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty YAML document of a file. */
  private static List<Map<String, Object>> yaml(Path path) {
    String text = read(path);
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> docs = new ArrayList<>();
    try {
      for (Object doc : yaml.loadAll(text)) {
        if (doc != null) {
          docs.add(map(doc, path + " document"));
        }
      }
    } catch (RuntimeException e) {
      return fail("%s is not valid YAML: %s", path, e.getMessage());
    }
    return docs;
  }

  /**
   * The value at {@code keys}; fails naming {@code what} when a key is missing, or returns null
   * when {@code what} is null.
   */
  private static Object at(Map<String, Object> root, String what, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        if (what == null) {
          return null;
        }
        return fail("%s: missing (no '%s')", what, key);
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    assertThat(value).as("%s must be a mapping", what).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String what) {
    assertThat(value).as("%s must be a list", what).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  private static String normalise(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  /** Docker memory sizes: 768M, 2G, 512m (binary units). */
  private static long composeBytes(String value) {
    Matcher m = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)b?").matcher(value.strip());
    assertThat(m.matches()).as("compose memory size %s", value).isTrue();
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase()) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }

  /** Kubernetes memory quantities: 768Mi, 2Gi, 1G. */
  private static long k8sBytes(String value) {
    Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(value.strip());
    assertThat(m.matches()).as("Kubernetes memory quantity %s", value).isTrue();
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    return switch (unit) {
      case "Ki" -> n << 10;
      case "Mi" -> n << 20;
      case "Gi" -> n << 30;
      case "Ti" -> n << 40;
      case "k" -> n * 1_000L;
      case "M" -> n * 1_000_000L;
      case "G" -> n * 1_000_000_000L;
      case "T" -> n * 1_000_000_000_000L;
      default -> n;
    };
  }

  /** Kubernetes CPU quantities: 1, "1", "1000m", 0.5. */
  private static long milliCpu(Object value) {
    String s = String.valueOf(value).strip();
    if (s.endsWith("m")) {
      return Long.parseLong(s.substring(0, s.length() - 1));
    }
    return Math.round(Double.parseDouble(s) * 1000);
  }

  /** The database role a module connects as (scripts/database-roles.sh), without its prefix. */
  private static String roleOf(String module) {
    return switch (module) {
      case "experiment-service" -> "experiment";
      case "analysis-service" -> "analysis";
      case "trainer-worker" -> "worker";
      default -> throw new AssertionError("no database role for " + module);
    };
  }
}
