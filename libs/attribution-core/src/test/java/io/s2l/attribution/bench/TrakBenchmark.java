package io.s2l.attribution.bench;

import io.s2l.attribution.FeatureFile;
import io.s2l.attribution.FeatureRows;
import io.s2l.attribution.ModelFeatures;
import io.s2l.attribution.OpenBlas;
import io.s2l.attribution.Scores;
import io.s2l.attribution.Trak;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * TRAK scoring in s2l against an independent numpy/scipy implementation of the same formula, on the
 * same features, in one run (benchmarks/attribution/run.sh). Not a test: a main, never run by the
 * build.
 *
 * <p>Writes seeded random features of one model (pool 20,000 x 1,024, targets 2,000 x 1,024,
 * float32 little-endian, plus q), times {@link Trak#score} (lambda 0, with Q, chunks of 4,096 rows)
 * streamed from the files and from arrays in memory, against numpy_reference.py (a resident python
 * worker) doing the same on the same files. REPEATS rounds, each timing both sides once, who goes
 * first alternating, so that both meet the machine's noise alike; prints best and median times,
 * their ratios and the largest difference between the two 2,000 x 20,000 score matrices. Both sides
 * use the OpenBLAS thread count of OPENBLAS_NUM_THREADS.
 *
 * <p>usage: TrakBenchmark PYTHON_SCRIPT DATA_DIR [REPEATS]
 */
public final class TrakBenchmark {

  private static final int POOL = 20_000;
  private static final int TARGETS = 2_000;
  private static final int K = 1_024;
  private static final int CHUNK = Trak.DEFAULT_CHUNK_ROWS;
  private static final double LAMBDA = 0;
  private static final boolean USE_Q = true;
  private static final long SEED = 20230401L;

  private TrakBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: TrakBenchmark PYTHON_SCRIPT DATA_DIR [REPEATS]");
      System.exit(2);
    }
    Path script = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;

    long t0 = System.nanoTime();
    SplittableRandom random = new SplittableRandom(SEED);
    float[] pool = gaussian(random, POOL * K);
    float[] targets = gaussian(random, TARGETS * K);
    float[] q = new float[POOL];
    for (int i = 0; i < POOL; i++) {
      q[i] = (float) random.nextDouble(); // 1 - p_i of a model that is unsure about everything
    }
    Files.createDirectories(data);
    FeatureFile.write(data.resolve("pool.f32"), FeatureRows.of(pool, POOL, K));
    FeatureFile.write(data.resolve("targets.f32"), FeatureRows.of(targets, TARGETS, K));
    FeatureFile.write(data.resolve("q.f32"), FeatureRows.of(q, POOL, 1));
    writeMeta(data);
    System.out.printf(
        Locale.ROOT,
        "data: pool %,d x %,d, targets %,d x %,d, float32, q; generated and written in %.1f s to"
            + " %s%n",
        POOL,
        K,
        TARGETS,
        K,
        seconds(System.nanoTime() - t0),
        data);
    System.out.println(
        "OpenBLAS (s2l): "
            + OpenBlas.describe()
            + ", "
            + OpenBlas.threads()
            + " threads; OPENBLAS_NUM_THREADS="
            + System.getenv("OPENBLAS_NUM_THREADS"));

    warmUp();
    ModelFeatures held =
        new ModelFeatures(FeatureRows.of(pool, POOL, K), FeatureRows.of(targets, TARGETS, K), q);
    double[][] java = new double[2][repeats];
    double[][] numpy = new double[2][repeats];
    Scores scores = null;
    try (NumpyWorker worker = new NumpyWorker(script, data)) {
      for (int r = 0; r < repeats; r++) {
        if (r % 2 == 1) { // alternate who goes first, so that both see the machine's noise alike
          worker.run(numpy, r);
        }
        scores = null;
        t0 = System.nanoTime();
        scores = scoreFromFiles(data);
        java[0][r] = seconds(System.nanoTime() - t0);
        scores = null;
        t0 = System.nanoTime();
        scores = Trak.score(List.of(held), LAMBDA, USE_Q, CHUNK);
        java[1][r] = seconds(System.nanoTime() - t0);
        if (r % 2 == 0) {
          worker.run(numpy, r);
        }
      }
      Path numpyScores = data.resolve("numpy_scores.f32");
      worker.write(numpyScores);
      printTimes(java, numpy, worker.info);
      printAgreement(scores, numpyScores);
    }
  }

  /** Trak.score streaming the pool and targets from their files, q read whole. */
  private static Scores scoreFromFiles(Path data) throws IOException {
    try (FeatureFile poolFile = FeatureFile.open(data.resolve("pool.f32"), K);
        FeatureFile targetFile = FeatureFile.open(data.resolve("targets.f32"), K)) {
      float[] q = readQ(data.resolve("q.f32"));
      return Trak.score(List.of(new ModelFeatures(poolFile, targetFile, q)), LAMBDA, USE_Q, CHUNK);
    }
  }

  /** Loads the native library and compiles the Java loops on a small problem, not timed. */
  private static void warmUp() {
    SplittableRandom random = new SplittableRandom(1);
    int n = 5_000;
    int k = 256;
    float[] q = new float[n];
    Arrays.fill(q, 0.5f);
    ModelFeatures small =
        new ModelFeatures(
            FeatureRows.of(gaussian(random, n * k), n, k),
            FeatureRows.of(gaussian(random, 200 * k), 200, k),
            q);
    for (int i = 0; i < 3; i++) {
      Trak.score(List.of(small), LAMBDA, USE_Q, 1_024);
    }
  }

  private static float[] readQ(Path file) throws IOException {
    try (FeatureFile q = FeatureFile.open(file, 1)) {
      float[] values = new float[q.rows()];
      q.read(0, q.rows(), values);
      return values;
    }
  }

  private static float[] gaussian(SplittableRandom random, int length) {
    float[] values = new float[length];
    for (int i = 0; i < length; i += 2) {
      // Box-Muller: two standard normal values per pair of uniforms
      double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
      double angle = 2 * Math.PI * random.nextDouble();
      values[i] = (float) (radius * Math.cos(angle));
      if (i + 1 < length) {
        values[i + 1] = (float) (radius * Math.sin(angle));
      }
    }
    return values;
  }

  private static void writeMeta(Path data) throws IOException {
    String meta =
        String.join(
            "\n",
            "pool=" + POOL,
            "targets=" + TARGETS,
            "dimension=" + K,
            "lambda=" + LAMBDA,
            "useQ=" + USE_Q,
            "chunk=" + CHUNK,
            "");
    Files.writeString(data.resolve("meta.txt"), meta);
  }

  /**
   * numpy_reference.py as a resident worker (inheriting this process's environment, hence
   * OPENBLAS_NUM_THREADS): one "run" command per round, then "write" for the comparison.
   */
  private static final class NumpyWorker implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Map<String, String> info = new LinkedHashMap<>();

    NumpyWorker(Path script, Path data) throws IOException {
      process =
          new ProcessBuilder("python3", script.toString(), data.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String line;
      while (!"ready".equals(line = reply())) {
        int eq = line.indexOf('=');
        info.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }

    /** One timed round: scoring from the files, then from memory, into times[0][r], times[1][r]. */
    void run(double[][] times, int r) throws IOException {
      send("run");
      String[] values = reply().substring("times=".length()).split(",");
      times[0][r] = Double.parseDouble(values[0]);
      times[1][r] = Double.parseDouble(values[1]);
    }

    void write(Path file) throws IOException {
      send("write " + file);
      reply();
    }

    private void send(String command) throws IOException {
      in.write(command + "\n");
      in.flush();
    }

    private String reply() throws IOException {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("numpy_reference.py stopped; see its error output above");
      }
      return line;
    }

    @Override
    public void close() throws IOException {
      try {
        send("quit");
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        process.destroy();
      }
    }
  }

  private static void printTimes(double[][] java, double[][] numpy, Map<String, String> info) {
    System.out.printf(
        Locale.ROOT,
        "%nTRAK scoring wall time, %d alternating rounds (pool %,d x targets %,d, k = %,d, one"
            + " model, lambda %s, with Q; %s OpenBLAS threads each side; Java %s, %s)%n",
        java[0].length,
        POOL,
        TARGETS,
        K,
        LAMBDA,
        info.get("openblas_threads"),
        System.getProperty("java.version"),
        info.get("versions"));
    System.out.println(
        "| features | s2l best | numpy best | **ratio best** | s2l median | numpy median | ratio"
            + " median |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    String[] labels = {"streamed from the float32 files", "already in memory"};
    for (int v = 0; v < 2; v++) {
      double javaBest = Arrays.stream(java[v]).min().orElseThrow();
      double numpyBest = Arrays.stream(numpy[v]).min().orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f s | %.3f s | **%.2f** | %.3f s | %.3f s | %.2f |%n",
          labels[v],
          javaBest,
          numpyBest,
          javaBest / numpyBest,
          median(java[v]),
          median(numpy[v]),
          median(java[v]) / median(numpy[v]));
    }
    for (int v = 0; v < 2; v++) {
      System.out.println(
          "all rounds, " + labels[v] + ": s2l " + list(java[v]) + " | numpy " + list(numpy[v]));
    }
    System.out.printf(
        Locale.ROOT,
        "not timed: python importing numpy and scipy.linalg %.3f s; the JVM loading OpenBLAS and"
            + " compiling (warm-up on a small problem)%n",
        Double.parseDouble(info.get("import_seconds")));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Streams numpy's score file against s2l's scores and prints how far apart they are. */
  private static void printAgreement(Scores scores, Path numpyScores) throws IOException {
    double maxAbs = 0;
    double maxScore = 0;
    double squaredDiff = 0;
    double squaredNorm = 0;
    try (FeatureFile numpy = FeatureFile.open(numpyScores, POOL)) {
      if (numpy.rows() != TARGETS) {
        throw new IllegalStateException("numpy wrote " + numpy.rows() + " target rows");
      }
      float[] row = new float[POOL];
      for (int z = 0; z < TARGETS; z++) {
        numpy.read(z, 1, row);
        for (int i = 0; i < POOL; i++) {
          double diff = scores.values()[z * POOL + i] - (double) row[i];
          maxAbs = Math.max(maxAbs, Math.abs(diff));
          maxScore = Math.max(maxScore, Math.abs(row[i]));
          squaredDiff += diff * diff;
          squaredNorm += (double) row[i] * row[i];
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nagreement over all %,d scores: max |s2l - numpy| = %.2e, largest |score| %.2e (so %.1e"
            + " of the scale); ||s2l - numpy||_F / ||numpy||_F = %.1e%n",
        (long) TARGETS * POOL,
        maxAbs,
        maxScore,
        maxAbs / maxScore,
        Math.sqrt(squaredDiff / squaredNorm));
  }

  private static String list(double[] values) {
    return Arrays.stream(values)
        .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
        .collect(Collectors.joining(", "));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
