package io.s2l.lm.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.train.LmEngine;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The s2l side of {@code benchmarks/gpu/run.sh}: trains one scale with the real {@code LmTrainer}
 * on the device DJL chooses (a GPU when the CUDA natives see one) and prints one line {@code RESULT
 * {json}} with tokens/s over the timed steps. Refuses to measure on a CPU unless told that this is
 * a dry run of the benchmark's plumbing.
 *
 * <p>usage: {@code GpuThroughput WIDTH DEPTH HEADS CONTEXT BATCH WARMUP STEPS [--cpu-dry-run]}
 */
public final class GpuThroughput {

  private GpuThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println(
          "usage: GpuThroughput WIDTH DEPTH HEADS CONTEXT BATCH WARMUP STEPS [--cpu-dry-run]");
      System.exit(2);
    }
    int[] n = new int[7];
    for (int i = 0; i < 7; i++) {
      n[i] = Integer.parseInt(args[i]);
    }
    boolean dryRun = args.length > 7 && args[7].equals("--cpu-dry-run");
    Engine engine = LmEngine.start(1);
    Device device = engine.defaultDevice();
    if (!device.isGpu() && !dryRun) {
      System.err.println(
          "DJL trains on "
              + device
              + ", not a GPU: build with -Pcuda (CUDA natives) on a machine whose driver sees a GPU");
      System.exit(3);
    }
    ModelScale scale =
        new ModelScale("d" + n[0] + "-L" + n[1] + "-h" + n[2], n[0], n[1], n[2], n[3]);
    Map<String, DomainText> texts = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String domain : BuiltinCorpus.manifest().domainNames()) {
      texts.put(domain, DomainText.of(domain, BuiltinCorpus.train(domain)));
      weights.put(domain, 1.0);
    }
    TrainingBenchmark.Run run =
        TrainingBenchmark.runS2l(
            scale, new MixtureSpec("uniform", weights), texts, n[5], n[6], n[4]);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "side", "s2l (DJL " + Engine.getDjlVersion() + ", libtorch " + engine.getVersion() + ")");
    result.put("device", device.toString());
    result.put("tokens_per_s", run.tokensPerSecond());
    result.put("seconds", run.seconds());
    result.put("final_loss", run.finalLoss());
    result.put("flops_per_token", TrainingBenchmark.trainingFlopsPerToken(scale));
    System.out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
  }
}
