package io.s2l.lm.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.data.MixtureSampler;
import io.s2l.lm.train.LmEngine;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
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

/**
 * Training throughput of s2l's {@link LmTrainer} against the same model trained by PyTorch eager in
 * Python, side by side in one run (benchmarks/training/run.sh). Not a test: a main, never run by
 * the build.
 *
 * <p>For each of three scales (d=32 L=2 h=2, d=64 L=2 h=4, d=96 L=3 h=4; context 64, batch 16) it
 * trains with the real {@link LmTrainer} on the built-in corpus (all domains, equal weights) for
 * WARMUP + STEPS optimiser steps, timing steps WARMUP+1..WARMUP+STEPS through the trainer's
 * progress callback; writes the very windows LmTrainer trained on (a {@link MixtureSampler} with
 * the same seed) to a file; and spawns {@code pytorch_eager.py train} on them, which builds the
 * same model, initialisation, AdamW, schedule and clipping and times the same steps. PyTorch runs
 * twice per scale: with the BLAS kernels OpenBLAS picks for this CPU, and with its AVX2 (Haswell)
 * kernels, the instruction set DJL's bundled MKL uses on AMD CPUs. Both sides use one intra-op and
 * one inter-op thread; run.sh pins the whole run to one CPU. ROUNDS rounds go through every scale
 * and every side in turn; the table shows the median of the rounds. Then the single-precision
 * matmul peak: a float32 N x N matmul, best of 5, through DJL's libtorch and through the python
 * torch with both kernel sets; the best of them is the machine's peak.
 *
 * <p>usage: TrainingBenchmark PYTHON_SCRIPT WORK_DIR [STEPS [WARMUP [ROUNDS [PYTHON]]]]
 */
public final class TrainingBenchmark {

  static final int BATCH = 16;
  static final int CONTEXT = 64;
  static final long SEED = 20250601L;
  static final double LEARNING_RATE = 3e-3;
  static final double WARMUP_FRACTION = 0.05;
  static final double WEIGHT_DECAY = 0.01;
  static final double CLIP = 1.0;
  static final int JVM_WARMUP_STEPS = 400;
  static final int PEAK_SIZE = 2048;
  static final int PEAK_REPEATS = 5;
  static final List<ModelScale> SCALES =
      List.of(
          new ModelScale("d32-L2-h2", 32, 2, 2, CONTEXT),
          new ModelScale("d64-L2-h4", 64, 2, 4, CONTEXT),
          new ModelScale("d96-L3-h4", 96, 3, 4, CONTEXT));

  /**
   * The PyTorch runs: OpenBLAS's own kernel choice (OPENBLAS_CORETYPE unset; AVX-512 kernels on an
   * AVX-512 CPU) and its AVX2 kernels (OPENBLAS_CORETYPE=Haswell, what this workplace's environment
   * sets, and the instruction set of the MKL inside DJL's libtorch on AMD CPUs).
   */
  static final List<Variant> VARIANTS =
      List.of(new Variant("default", null), new Variant("avx2", "Haswell"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingBenchmark() {}

  /** One side's timed run at one scale. */
  record Run(double tokensPerSecond, double seconds, double finalLoss) {}

  /** A PyTorch configuration; {@code coreType} null leaves OPENBLAS_CORETYPE unset. */
  record Variant(String name, String coreType) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      System.err.println(
          "usage: TrainingBenchmark PYTHON_SCRIPT WORK_DIR [STEPS [WARMUP [ROUNDS [PYTHON]]]]");
      System.exit(2);
    }
    Path script = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    String python =
        args.length > 5
            ? args[5]
            : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Files.createDirectories(work);

    Engine engine = LmEngine.start(1);
    System.out.printf(
        Locale.ROOT,
        "s2l: Java %s, DJL %s, libtorch %s, intra-op threads %d, inter-op threads %d%n",
        System.getProperty("java.version"),
        Engine.getDjlVersion(),
        engine.getVersion(),
        JniUtils.getNumThreads(),
        JniUtils.getNumInteropThreads());
    checkGelu();

    Map<String, DomainText> texts = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String domain : BuiltinCorpus.manifest().domainNames()) {
      texts.put(domain, DomainText.of(domain, BuiltinCorpus.train(domain)));
      weights.put(domain, 1.0);
    }
    MixtureSpec mixture = new MixtureSpec("uniform", weights);
    System.out.printf(
        Locale.ROOT,
        "data: built-in corpus, %d domains, equal weights, %,d training bytes%n",
        texts.size(),
        texts.values().stream().mapToLong(t -> t.bytes().length).sum());

    // The JVM compiles the training path (DJL's Java side) during the first few hundred steps, on
    // the same pinned CPU: one untimed run first, the counterpart of python importing torch.
    long t0 = System.nanoTime();
    runS2l(SCALES.get(0), mixture, texts, 10, JVM_WARMUP_STEPS - 10);
    System.out.printf(
        Locale.ROOT,
        "JVM warm-up: one untimed %d-step run of %s, %.1f s%n",
        JVM_WARMUP_STEPS,
        SCALES.get(0).name(),
        (System.nanoTime() - t0) / 1e9);

    Map<String, List<Run>> runs = new LinkedHashMap<>();
    Map<String, JsonNode> torchInfo = new LinkedHashMap<>();
    // s2l/PyTorch per round: each pairs runs made a few seconds apart, so their median is robust to
    // the machine's speed drifting between rounds.
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (ModelScale scale : SCALES) {
      writeBatches(batchFile(work, scale), mixture, texts, warmup + steps);
    }
    for (int round = 1; round <= rounds; round++) {
      // Odd rounds run s2l first, even rounds PyTorch first, so that a machine getting slower or
      // faster during a round favours neither side.
      boolean s2lFirst = round % 2 == 1;
      for (ModelScale scale : SCALES) {
        Run ours = s2lFirst ? runS2l(scale, mixture, texts, warmup, steps) : null;
        Map<String, Run> theirs = new LinkedHashMap<>();
        for (Variant variant : VARIANTS) {
          JsonNode py = runPythonTraining(python, script, work, scale, warmup, steps, variant);
          torchInfo.put(variant.name(), py);
          theirs.put(
              variant.name(),
              new Run(
                  py.get("tokens_per_s").asDouble(),
                  py.get("seconds").asDouble(),
                  py.get("final_loss").asDouble()));
        }
        if (!s2lFirst) {
          ours = runS2l(scale, mixture, texts, warmup, steps);
        }
        runs.computeIfAbsent(key(scale, "s2l"), k -> new ArrayList<>()).add(ours);
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "round %d %s: s2l %.0f tokens/s (tail loss %.3f)",
                    round,
                    scale.name(),
                    ours.tokensPerSecond(),
                    ours.finalLoss()));
        for (Variant variant : VARIANTS) {
          Run run = theirs.get(variant.name());
          runs.computeIfAbsent(key(scale, variant.name()), k -> new ArrayList<>()).add(run);
          ratios
              .computeIfAbsent(key(scale, variant.name()), k -> new ArrayList<>())
              .add(ours.tokensPerSecond() / run.tokensPerSecond());
          line.append(
              String.format(
                  Locale.ROOT,
                  " | PyTorch %s (%s) %.0f tokens/s (tail loss %.3f), ratio %.2f",
                  variant.name(),
                  torchInfo.get(variant.name()).get("blas").asText(),
                  run.tokensPerSecond(),
                  run.finalLoss(),
                  ours.tokensPerSecond() / run.tokensPerSecond()));
        }
        System.out.println(line);
      }
    }

    double djlPeak = djlPeak();
    Map<String, JsonNode> torchPeaks = new LinkedHashMap<>();
    for (Variant variant : VARIANTS) {
      torchPeaks.put(
          variant.name(),
          runPython(
              python,
              script,
              variant,
              "peak",
              "--size",
              Integer.toString(PEAK_SIZE),
              "--repeats",
              Integer.toString(PEAK_REPEATS)));
    }
    double peak = djlPeak;
    for (JsonNode p : torchPeaks.values()) {
      peak = Math.max(peak, p.get("gflops").asDouble());
    }

    JsonNode anyTorch = torchInfo.values().iterator().next();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "PyTorch: python %s, torch %s (eager), intra-op/inter-op threads %s; BLAS: %s%n",
        anyTorch.get("python").asText(),
        anyTorch.get("torch").asText(),
        anyTorch.get("threads"),
        String.join(
            ", ",
            VARIANTS.stream()
                .map(v -> v.name() + " = " + torchInfo.get(v.name()).get("blas").asText())
                .toList()));
    System.out.printf(
        Locale.ROOT,
        "training throughput: batch %d x context %d, %d timed steps after %d warm-up steps,"
            + " tokens/s: median of %d round%s; ratio: median (min-max) of the rounds' own"
            + " s2l/PyTorch ratios; one intra-op + one inter-op thread per side, one pinned CPU%n",
        BATCH,
        CONTEXT,
        steps,
        warmup,
        rounds,
        rounds == 1 ? "" : "s");
    StringBuilder header = new StringBuilder("| scale | params (non-emb.) | s2l tokens/s |");
    StringBuilder rule = new StringBuilder("| --- | ---: | ---: |");
    for (Variant variant : VARIANTS) {
      String blas = torchInfo.get(variant.name()).get("blas").asText().replace("OpenBLAS ", "");
      header.append(
          String.format(
              Locale.ROOT, " PyTorch tokens/s (%s) | ratio s2l/PyTorch (%s) |", blas, blas));
      rule.append(" ---: | ---: |");
    }
    header.append(" tail loss s2l / PyTorch |");
    rule.append(" ---: |");
    System.out.println(header);
    System.out.println(rule);
    for (ModelScale scale : SCALES) {
      double ours = medianTokens(runs.get(key(scale, "s2l")));
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "| %s | %,d (%,d) | %,.0f |",
                  scale.name(),
                  scale.totalParams(),
                  scale.nonEmbeddingParams(),
                  ours));
      for (Variant variant : VARIANTS) {
        double theirs = medianTokens(runs.get(key(scale, variant.name())));
        List<Double> paired = ratios.get(key(scale, variant.name()));
        row.append(
            String.format(
                Locale.ROOT,
                " %,.0f | **%.2f** (%.2f-%.2f) |",
                theirs,
                median(paired.stream().mapToDouble(Double::doubleValue)),
                paired.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                paired.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
      }
      row.append(
          String.format(
              Locale.ROOT,
              " %.3f / %.3f |",
              median(runs.get(key(scale, "s2l")).stream().mapToDouble(Run::finalLoss)),
              median(
                  runs.get(key(scale, VARIANTS.get(0).name())).stream()
                      .mapToDouble(Run::finalLoss))));
      System.out.println(row);
    }

    ModelScale largest = SCALES.get(SCALES.size() - 1);
    double flops = trainingFlopsPerToken(largest);
    double sixN = 6.0 * largest.nonEmbeddingParams();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "single-precision matmul peak, one thread, %d x %d float32, best of %d: DJL libtorch (MKL)"
            + " %.1f GFLOP/s, %s -> peak %.1f GFLOP/s%n",
        PEAK_SIZE,
        PEAK_SIZE,
        PEAK_REPEATS,
        djlPeak,
        String.join(
            ", ",
            torchPeaks.values().stream()
                .map(
                    p ->
                        String.format(
                            Locale.ROOT,
                            "python torch (%s) %.1f GFLOP/s",
                            p.get("blas").asText(),
                            p.get("gflops").asDouble()))
                .toList()),
        peak);
    System.out.printf(
        Locale.ROOT,
        "largest scale %s: %,.0f training FLOP/token (3 x forward: 2 x (12 L d^2 + 256 d) matmul"
            + " + 4 L T d attention); 6N = %,.0f%n",
        largest.name(),
        flops,
        sixN);
    printAchieved("s2l", medianTokens(runs.get(key(largest, "s2l"))), flops, sixN, peak);
    for (Variant variant : VARIANTS) {
      printAchieved(
          "PyTorch " + variant.name(),
          medianTokens(runs.get(key(largest, variant.name()))),
          flops,
          sixN,
          peak);
    }
  }

  static void printAchieved(
      String who, double tokensPerSecond, double flops, double sixN, double peak) {
    System.out.printf(
        Locale.ROOT,
        "  %-16s %6.1f GFLOP/s = %4.1f%% of peak (6N convention: %.1f GFLOP/s = %.1f%%)%n",
        who + ":",
        tokensPerSecond * flops / 1e9,
        100 * tokensPerSecond * flops / 1e9 / peak,
        tokensPerSecond * sixN / 1e9,
        100 * tokensPerSecond * sixN / 1e9 / peak);
  }

  static String key(ModelScale scale, String side) {
    return scale.name() + "/" + side;
  }

  static Path batchFile(Path work, ModelScale scale) {
    return work.resolve("batches-" + scale.name() + ".u8");
  }

  static double medianTokens(List<Run> runs) {
    return median(runs.stream().mapToDouble(Run::tokensPerSecond));
  }

  static JsonNode runPythonTraining(
      String python,
      Path script,
      Path work,
      ModelScale scale,
      int warmup,
      int steps,
      Variant variant)
      throws IOException, InterruptedException {
    JsonNode py =
        runPython(
            python,
            script,
            variant,
            "train",
            "--width",
            scale.width().toString(),
            "--depth",
            scale.depth().toString(),
            "--heads",
            scale.heads().toString(),
            "--context",
            Integer.toString(CONTEXT),
            "--batch",
            Integer.toString(BATCH),
            "--batches",
            batchFile(work, scale).toString(),
            "--warmup",
            Integer.toString(warmup),
            "--steps",
            Integer.toString(steps),
            "--lr",
            Double.toString(LEARNING_RATE),
            "--weight-decay",
            Double.toString(WEIGHT_DECAY),
            "--clip",
            Double.toString(CLIP),
            "--warmup-fraction",
            Double.toString(WARMUP_FRACTION),
            "--seed",
            Long.toString(SEED));
    if (py.get("params").asLong() != scale.totalParams()) {
      throw new IllegalStateException(
          "the python model has "
              + py.get("params").asLong()
              + " parameters, s2l's "
              + scale.totalParams());
    }
    return py;
  }

  /**
   * FLOPs of one training token: forward matmuls (qkv 3d^2, projection d^2, MLP 8d^2 per block,
   * head 256 d; 2 FLOPs per multiply-add) plus attention (Q K^T and A V over the whole T x T, the
   * masked half included as it is computed), times 3 for forward + backward.
   */
  static double trainingFlopsPerToken(ModelScale scale) {
    double d = scale.width();
    double l = scale.depth();
    double t = scale.context();
    double forward = 2 * (12 * l * d * d + ModelScale.VOCABULARY * d) + 4 * l * t * d;
    return 3 * forward;
  }

  static Run runS2l(
      ModelScale scale, MixtureSpec mixture, Map<String, DomainText> texts, int warmup, int steps) {
    return runS2l(scale, mixture, texts, warmup, steps, BATCH);
  }

  /** As above, {@code batch} sequences of the scale's context per step. */
  static Run runS2l(
      ModelScale scale,
      MixtureSpec mixture,
      Map<String, DomainText> texts,
      int warmup,
      int steps,
      int batch) {
    int total = warmup + steps;
    long tokensPerStep = (long) batch * scale.context();
    // tokenBudget = ceil(tokensPerParam x N) = total x tokensPerStep exactly, hence `total` steps
    double tokensPerParam = (total * tokensPerStep - 0.5) / scale.nonEmbeddingParams();
    TrainingJobSpec job =
        new TrainingJobSpec(
            BuiltinCorpus.DATASET,
            scale,
            mixture,
            SEED,
            tokensPerParam,
            List.of(),
            new TrainingSettings(batch, LEARNING_RATE, WARMUP_FRACTION, WEIGHT_DECAY, CLIP));
    long[] marks = new long[2];
    float[] losses = new float[total];
    try (TrainedModel model =
        LmTrainer.train(
            job,
            texts,
            (step, totalSteps, loss) -> {
              if (totalSteps != total) {
                throw new IllegalStateException(totalSteps + " steps, expected " + total);
              }
              losses[(int) step - 1] = loss;
              if (step == warmup) {
                marks[0] = System.nanoTime();
              } else if (step == total) {
                marks[1] = System.nanoTime();
              }
            })) {
      double seconds = (marks[1] - marks[0]) / 1e9;
      int tail = Math.max(1, total / 10);
      double tailLoss = 0;
      for (int i = total - tail; i < total; i++) {
        tailLoss += losses[i];
      }
      if (!Double.isFinite(tailLoss)) {
        throw new IllegalStateException("s2l diverged at " + scale.name());
      }
      return new Run(steps * tokensPerStep / seconds, seconds, tailLoss / tail);
    }
  }

  /** The windows LmTrainer draws for {@link #SEED}: same sampler, same arguments, same order. */
  static void writeBatches(
      Path file, MixtureSpec mixture, Map<String, DomainText> texts, int totalSteps)
      throws IOException {
    MixtureSampler sampler = new MixtureSampler(texts, mixture.weights(), CONTEXT + 1, SEED);
    byte[] bytes = new byte[totalSteps * BATCH * (CONTEXT + 1)];
    int i = 0;
    for (int step = 0; step < totalSteps; step++) {
      for (long token : sampler.nextBatch(BATCH)) {
        bytes[i++] = (byte) token;
      }
    }
    Files.write(file, bytes);
  }

  static JsonNode runPython(String python, Path script, Variant variant, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(Arrays.asList(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> env = builder.environment();
    env.remove("LD_PRELOAD"); // the MKL dispatch shim is for the s2l side only
    for (String var :
        List.of(
            "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")) {
      env.put(var, "1");
    }
    if (variant.coreType() == null) {
      env.remove("OPENBLAS_CORETYPE");
    } else {
      env.put("OPENBLAS_CORETYPE", variant.coreType());
    }
    Process process = builder.start();
    JsonNode result = null;
    StringBuilder other = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = JSON.readTree(line.substring("RESULT ".length()));
        } else {
          other.append(line).append('\n');
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || result == null) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited " + exit + " without a result:\n" + other);
    }
    return result;
  }

  /** The same float32 matmul as pytorch_eager.py's peak, through DJL's libtorch. */
  static double djlPeak() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape shape = new Shape(PEAK_SIZE, PEAK_SIZE);
      NDArray a = manager.randomNormal(0, 1, shape, DataType.FLOAT32);
      NDArray b = manager.randomNormal(0, 1, shape, DataType.FLOAT32);
      a.matMul(b).close();
      double best = Double.MAX_VALUE;
      for (int i = 0; i < PEAK_REPEATS; i++) {
        long t0 = System.nanoTime();
        NDArray c = a.matMul(b);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        c.close();
      }
      return 2.0 * Math.pow(PEAK_SIZE, 3) / best / 1e9;
    }
  }

  /** DJL's Activation.gelu is the exact (erf) GELU; pytorch_eager.py uses F.gelu's default, too. */
  static void checkGelu() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float g = Activation.gelu(manager.create(1f)).getFloat();
      double exact = 0.5 * (1 + erf(1 / Math.sqrt(2)));
      double tanh = 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (1 + 0.044715)));
      System.out.printf(
          Locale.ROOT,
          "DJL Activation.gelu(1) = %.7f (exact erf form %.7f, tanh form %.7f): %s%n",
          g,
          exact,
          tanh,
          Math.abs(g - exact) < Math.abs(g - tanh) ? "exact" : "tanh");
      if (Math.abs(g - exact) > 1e-6) {
        throw new IllegalStateException("DJL's GELU is not the exact form; fix pytorch_eager.py");
      }
    }
  }

  /** Abramowitz-Stegun 7.1.26 is too coarse for the check; a series is exact enough at x < 1. */
  static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 40; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  static double median(java.util.stream.DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
