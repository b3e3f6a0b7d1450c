package io.s2l.lm.memory;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.train.LmEngine;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Native memory over a long run: trains one model for 20,000 steps (d=32, 2 blocks, batch 16,
 * context 64) and prints the process's resident memory (VmRSS, which includes PyTorch's native
 * allocations) every 1,000 steps. Flat means no per-step leak. Run with benchmarks/memory/run.sh.
 */
public final class MemoryProbe {

  public static void main(String[] args) {
    long steps = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
    LmEngine.start(1);
    ModelScale scale = new ModelScale("probe", 32, 2, 2, 64);
    long tokens = steps * 16 * 64;
    TrainingJobSpec job =
        new TrainingJobSpec(
            "builtin",
            scale,
            new MixtureSpec("mix", Map.of("literature", 0.5, "code", 0.5)),
            1,
            (double) tokens / scale.nonEmbeddingParams(),
            List.of(),
            new TrainingSettings(16, 3e-3, 0.05, 0.01, 1.0));
    Map<String, DomainText> texts =
        Map.of(
            "literature", DomainText.of("literature", BuiltinCorpus.train("literature")),
            "code", DomainText.of("code", BuiltinCorpus.train("code")));
    System.out.println("| step | RSS (MiB) | loss |");
    System.out.println("| ---: | ---: | ---: |");
    long[] first = {0};
    try (TrainedModel model =
        LmTrainer.train(
            job,
            texts,
            (step, total, loss) -> {
              if (step == 1 || step % 1000 == 0) {
                long rss = rss();
                if (step == 1000) {
                  first[0] = rss;
                }
                System.out.printf(
                    Locale.ROOT, "| %d | %.1f | %.3f |%n", step, rss / 1048576.0, loss);
              }
            })) {
      long last = rss();
      System.out.printf(
          Locale.ROOT,
          "RSS at step 1,000: %.1f MiB; after %,d steps: %.1f MiB; growth %.1f MiB%n",
          first[0] / 1048576.0,
          model.stats().steps(),
          last / 1048576.0,
          (last - first[0]) / 1048576.0);
    }
  }

  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return 0;
  }
}
