package io.s2l.launcher.bench;

import io.s2l.client.S2lClient;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * Import plus analysis end to end through PostgreSQL at 8 scales x 32 distributions x 3 seeds x
 * 20,000 examples (15.36 million losses): an embedded PostgreSQL and the analysis service as a
 * process, the CSV posted over HTTP, timed until the analysis is served. Baseline, in the same run
 * on the same database: PostgreSQL's own COPY of the same CSV into a table with one row per loss
 * (loading only, no checks, no analysis). Run with benchmarks/import/run.sh; not part of mvn
 * verify.
 */
public final class ImportBenchmark {

  static final int SCALES = 8;
  static final int DISTRIBUTIONS = 32;
  static final int SEEDS = 3;
  static final int EXAMPLES = 20_000;

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path csv = Files.createTempFile("s2l-import-bench", ".csv");
    try {
      long started = System.nanoTime();
      long rows = write(csv);
      System.out.printf(
          Locale.ROOT,
          "generated %,d rows (%,d MB) in %.1f s%n",
          rows,
          Files.size(csv) >> 20,
          seconds(started));
      PlatformSettings settings =
          new PlatformSettings(
              home, null, null, false, 0, 0, 0, home.resolve(".s2l").resolve("bench-logs"));
      try (Platform platform = Platform.start(settings, s -> System.out.println("  " + s))) {
        S2lClient client = new S2lClient(null, platform.analysisUrl(), platform.adminKey());
        long t0 = System.nanoTime();
        java.util.UUID id = client.importFile(csv, "s7").id();
        double importSeconds = seconds(t0);
        while (client.scaleCorrelationIfReady(id).isEmpty()) {
          Thread.sleep(100);
        }
        double s2l = seconds(t0);
        double copy = copyBaseline(platform, csv);
        System.out.println();
        System.out.println("| what (15.36 M losses, one CSV) | seconds |");
        System.out.println("| --- | ---: |");
        System.out.printf(
            Locale.ROOT,
            "| s2l: POST /api/v1/imports (stream, check every row, store) | %.1f |%n",
            importSeconds);
        System.out.printf(Locale.ROOT, "| s2l: import + full analysis served | %.1f |%n", s2l);
        System.out.printf(
            Locale.ROOT,
            "| baseline: PostgreSQL COPY into a one-row-per-loss table | %.1f |%n",
            copy);
        System.out.printf(
            Locale.ROOT,
            "ratio s2l (import + analysis) / COPY alone: %.2f; target: s2l under 30 s: %s%n",
            s2l / copy,
            s2l < 30 ? "met" : "NOT met");
      }
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Losses with a distribution effect shared by all scales, scale-dependent noise and offsets. */
  static long write(Path csv) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    double[] distributionEffect = new double[DISTRIBUTIONS];
    for (int d = 0; d < DISTRIBUTIONS; d++) {
      distributionEffect[d] = random.nextDouble(-0.5, 0.5);
    }
    double[] exampleDifficulty = new double[EXAMPLES];
    for (int z = 0; z < EXAMPLES; z++) {
      exampleDifficulty[z] = random.nextDouble(0, 2);
    }
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      out.write("scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n");
      StringBuilder line = new StringBuilder(96);
      for (int s = 0; s < SCALES; s++) {
        long params = 1_000_000L << s;
        long tokens = 20 * params;
        double noise = 0.6 / (s + 1);
        for (int d = 0; d < DISTRIBUTIONS; d++) {
          for (int seed = 0; seed < SEEDS; seed++) {
            for (int z = 0; z < EXAMPLES; z++) {
              double loss =
                  4.0
                      - 0.3 * s
                      + distributionEffect[d]
                      + exampleDifficulty[z]
                      + noise * random.nextGaussian();
              line.setLength(0);
              line.append('s')
                  .append(s)
                  .append(',')
                  .append(params)
                  .append(',')
                  .append(tokens)
                  .append(",d")
                  .append(d)
                  .append(',')
                  .append(seed)
                  .append(",heldout,z")
                  .append(z)
                  .append(',')
                  .append((float) Math.max(0.01, loss))
                  .append('\n');
              out.append(line);
              rows++;
            }
          }
        }
      }
    }
    return rows;
  }

  static double copyBaseline(Platform platform, Path csv) throws Exception {
    var db = platform.database();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE public.bench_loss_rows (scale text, params bigint, tokens bigint,"
              + " distribution text, seed bigint, eval_set text, example_id text, loss real)");
      long t0 = System.nanoTime();
      try (Reader reader = Files.newBufferedReader(csv)) {
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY public.bench_loss_rows FROM STDIN (FORMAT csv, HEADER)", reader);
      }
      double seconds = seconds(t0);
      s.execute("DROP TABLE public.bench_loss_rows");
      return seconds;
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
