package io.s2l.stats.bench;

import io.s2l.stats.Interval;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.study.AnalysisOptions;
import io.s2l.stats.study.AnalysisResult;
import io.s2l.stats.study.LossCube;
import io.s2l.stats.study.PerExampleR2;
import io.s2l.stats.study.ProxyEvalResult;
import io.s2l.stats.study.ScaleCorrelationAnalysis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scale-correlation analysis in s2l against an independent numpy/scipy implementation, on the
 * same data, in one run (benchmarks/scale-correlation/run.sh). Not a test: a main, never run by the
 * build.
 *
 * <p>Generates {@link SyntheticStudy} (8 scales x 32 distributions x 3 seeds x 20,000 examples,
 * 15.36 million losses), writes it once as raw little-endian float32, times {@link
 * ScaleCorrelationAnalysis#analyze} (every statistic, 1000 resamples), then spawns
 * numpy_reference.py on the files and prints both wall times, their ratio, and statistics from both
 * sides. Both sides are single-threaded: the analysis uses one thread, numpy is told to use one,
 * and run.sh pins the whole run (JVM, JIT and GC included, python too) to one CPU.
 *
 * <p>usage: ScaleCorrelationBenchmark PYTHON_SCRIPT DATA_DIR [REPEATS]
 */
public final class ScaleCorrelationBenchmark {

  private static final int DISTRIBUTIONS = 32;
  private static final int SEEDS = 3;
  private static final int EXAMPLES = 20_000;
  private static final long DATA_SEED = 20250521L;

  private ScaleCorrelationBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: ScaleCorrelationBenchmark PYTHON_SCRIPT DATA_DIR [REPEATS]");
      System.exit(2);
    }
    Path script = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    AnalysisOptions options = AnalysisOptions.defaults(SyntheticStudy.REFERENCE);

    long t0 = System.nanoTime();
    SyntheticStudy study = SyntheticStudy.generate(DISTRIBUTIONS, SEEDS, EXAMPLES, DATA_SEED);
    study.write(data);
    writeMeta(data, options, repeats);
    System.out.printf(
        Locale.ROOT,
        "data: %d scales x %d distributions x %d seeds x %d examples = %,d losses, generated and"
            + " written in %.1f s to %s%n",
        SyntheticStudy.SCALES.size(),
        DISTRIBUTIONS,
        SEEDS,
        EXAMPLES,
        (long) SyntheticStudy.SCALES.size() * DISTRIBUTIONS * SEEDS * EXAMPLES,
        seconds(System.nanoTime() - t0),
        data);

    t0 = System.nanoTime();
    LossCube cube = study.cube();
    double buildSeconds = seconds(System.nanoTime() - t0);
    double[] javaTimes = new double[repeats];
    AnalysisResult result = null;
    for (int i = 0; i < repeats; i++) {
      t0 = System.nanoTime();
      result = ScaleCorrelationAnalysis.analyze(cube, options);
      javaTimes[i] = seconds(System.nanoTime() - t0);
    }

    Map<String, String> numpy = runPython(script, data);
    double[] numpyTimes = doubles(numpy.get("run_seconds"));
    printTimes(javaTimes, numpyTimes, buildSeconds, numpy);
    printAgreement(result, numpy);
  }

  private static void writeMeta(Path data, AnalysisOptions options, int repeats)
      throws IOException {
    List<String> flops = new ArrayList<>();
    for (int s = 0; s < SyntheticStudy.SCALES.size(); s++) {
      flops.add(Double.toString(SyntheticStudy.flops(s)));
    }
    String meta =
        String.join(
            "\n",
            "scales=" + String.join(",", SyntheticStudy.SCALES),
            "flops=" + String.join(",", flops),
            "reference=" + options.referenceScale(),
            "distributions=" + DISTRIBUTIONS,
            "seeds=" + SEEDS,
            "examples=" + EXAMPLES,
            "chance=" + SyntheticStudy.CHANCE,
            "resamples=" + options.resamples(),
            "seed=" + options.seed(),
            "level=" + options.level(),
            "metric=" + options.metric(),
            "threshold=" + options.threshold(),
            "bins=" + options.histogramBins(),
            "repeats=" + repeats,
            "");
    Files.writeString(data.resolve("meta.txt"), meta);
  }

  /**
   * Runs the numpy reference (inheriting this process's CPU pinning) and parses its key=value
   * lines.
   */
  private static Map<String, String> runPython(Path script, Path data)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("python3", script.toString(), data.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    for (String variable :
        List.of(
            "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")) {
      builder.environment().put(variable, "1");
    }
    Process process = builder.start();
    Map<String, String> values = new LinkedHashMap<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("numpy_reference.py exited with " + exit);
    }
    return values;
  }

  private static void printTimes(
      double[] java, double[] numpy, double buildSeconds, Map<String, String> python) {
    double javaMedian = median(java);
    double numpyMedian = median(numpy);
    System.out.printf(
        Locale.ROOT,
        "%nanalysis wall time, %d runs each, one thread each (%s; Java %s, %s)%n",
        java.length,
        "every statistic, 1000 bootstrap resamples, 7 proxies x 1 evaluation set",
        System.getProperty("java.version"),
        python.get("versions"));
    System.out.println("| implementation | run 1 | median | all runs |");
    System.out.println("| --- | ---: | ---: | --- |");
    System.out.printf(
        Locale.ROOT, "| s2l (Java) | %.3f s | %.3f s | %s |%n", java[0], javaMedian, list(java));
    System.out.printf(
        Locale.ROOT,
        "| numpy/scipy | %.3f s | %.3f s | %s |%n",
        numpy[0],
        numpyMedian,
        list(numpy));
    System.out.printf(
        Locale.ROOT,
        "| ratio s2l/numpy | %.3f | %.3f | |%n",
        java[0] / numpy[0],
        javaMedian / numpyMedian);
    System.out.printf(
        Locale.ROOT,
        "run 1 of s2l includes the JIT compiling the analysis (on the same CPU); not timed above:"
            + " Java LossCube.build (checks every loss is finite) %.3f s; python importing numpy and"
            + " scipy.stats %.3f s, numpy.fromfile %.3f s%n",
        buildSeconds,
        Double.parseDouble(python.get("import_seconds")),
        Double.parseDouble(python.get("load_seconds")));
  }

  private static void printAgreement(AnalysisResult result, Map<String, String> numpy) {
    System.out.println();
    System.out.println(
        "agreement (s2l | numpy); bootstrap intervals use different random streams, so they agree"
            + " only statistically");
    System.out.println(
        "| proxy | C_ref/C_proxy | Pearson r | Kendall tau-b | decision acc. | DA 95% CI | mean"
            + " R^2_z | median R^2_z | mean R^2_z 95% CI | proxy accuracy | proxy seed noise |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    double maxRelative = 0;
    for (ProxyEvalResult e : result.entries()) {
      String p = e.proxyScale() + ".";
      ScaleCorrelation s = e.statistics();
      PerExampleR2 pe = e.perExample();
      Interval da = e.ci95().get("decisionAccuracy");
      double[] numpyQuantiles = doubles(numpy.get(p + "quantiles"));
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0fx | %.6f %.6f | %.6f %.6f | %.4f %.4f | [%.3f, %.3f] [%.3f, %.3f] | %.6f %.6f"
              + " | %.6f %.6f | [%.4f, %.4f] [%.4f, %.4f] | %.5f %.5f | %.5f %.5f |%n",
          e.proxyScale(),
          e.computeRatio(),
          s.pearsonR(),
          num(numpy, p + "pearsonR"),
          s.kendall(),
          num(numpy, p + "kendall"),
          s.decisionAccuracy(),
          num(numpy, p + "decisionAccuracy"),
          da.low(),
          da.high(),
          num(numpy, p + "ci.decisionAccuracy.low"),
          num(numpy, p + "ci.decisionAccuracy.high"),
          pe.mean(),
          num(numpy, p + "meanR2"),
          pe.quantiles()[3],
          numpyQuantiles[3],
          pe.meanCi95().low(),
          pe.meanCi95().high(),
          num(numpy, p + "meanCi.low"),
          num(numpy, p + "meanCi.high"),
          e.accuracy().proxyAccuracy(),
          num(numpy, p + "proxyAccuracy"),
          e.seedNoise().proxyNoise(),
          num(numpy, p + "proxyNoise"));
      maxRelative = Math.max(maxRelative, maxRelativeDifference(e, numpy));
      long[] histogram = e.perExample().histogram().counts();
      if (!Arrays.equals(histogram, longs(numpy.get(p + "histogram")))) {
        System.out.println("histograms differ for " + e.proxyScale());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "largest relative difference over every deterministic statistic (7 aggregate, 7 quantiles,"
            + " mean R^2, 2 fractions, defined count, accuracy, 4 seed-noise values; histograms"
            + " compared exactly): %.2e%n",
        maxRelative);
    System.out.printf(
        "recommended proxy (decision accuracy, lower bound >= 0.8): s2l %s | numpy %s%n%s%n",
        result.recommendation().recommendedScale(),
        numpy.get("recommended"),
        result.recommendation().reason());
  }

  private static double maxRelativeDifference(ProxyEvalResult e, Map<String, String> numpy) {
    String p = e.proxyScale() + ".";
    ScaleCorrelation s = e.statistics();
    PerExampleR2 pe = e.perExample();
    Map<String, Double> ours = new LinkedHashMap<>();
    ours.put("pearsonR", s.pearsonR());
    ours.put("r2", s.r2());
    ours.put("slope", s.slope());
    ours.put("intercept", s.intercept());
    ours.put("spearman", s.spearman());
    ours.put("kendall", s.kendall());
    ours.put("decisionAccuracy", s.decisionAccuracy());
    ours.put("meanR2", pe.mean());
    ours.put("defined", (double) pe.defined());
    ours.put("fractionPositiveR", pe.fractionPositiveR());
    ours.put("fractionR2Above05", pe.fractionR2Above05());
    ours.put("proxyAccuracy", e.accuracy().proxyAccuracy());
    ours.put("referenceAccuracy", e.accuracy().referenceAccuracy());
    ours.put("proxyNoise", e.seedNoise().proxyNoise());
    ours.put("proxySpread", e.seedNoise().proxySpread());
    ours.put("referenceNoise", e.seedNoise().referenceNoise());
    ours.put("referenceSpread", e.seedNoise().referenceSpread());
    double max = 0;
    for (Map.Entry<String, Double> entry : ours.entrySet()) {
      max = Math.max(max, relative(entry.getValue(), num(numpy, p + entry.getKey())));
    }
    double[] quantiles = doubles(numpy.get(p + "quantiles"));
    for (int i = 0; i < quantiles.length; i++) {
      max = Math.max(max, relative(pe.quantiles()[i], quantiles[i]));
    }
    return max;
  }

  private static double relative(double a, double b) {
    return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  }

  private static double num(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("numpy_reference.py printed no " + key);
    }
    return Double.parseDouble(value);
  }

  private static double[] doubles(String csv) {
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static long[] longs(String csv) {
    return Arrays.stream(doubles(csv)).mapToLong(v -> (long) v).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
