package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.api.run.RunView;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.DemoRun;
import io.s2l.launcher.demo.ReferenceTrainer;
import io.s2l.launcher.demo.TrainerComparison;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One study trained twice on one platform: by the built-in DJL trainer, and by the PyTorch
 * reference trainer (trainers/pytorch, registered as the demo registers it, run by the workers as a
 * child process under the trainer contract). The two implementations of the same model family and
 * recipe must lead a user to the same conclusions: every proxy's mean R^2 within 0.1, the same
 * recommended proxy.
 */
class CrossTrainerIT {

  @Test
  void theDjlAndPyTorchTrainersReachTheSameConclusions() throws Exception {
    ReferenceTrainer pytorch = ReferenceTrainer.at(Path.of("..").toAbsolutePath().normalize());
    String definition = RunningPlatform.resource("/cross-trainer-study.json");
    try (RunningPlatform running = new RunningPlatform("cross-trainer-logs")) {
      running.client().registerTrainer(pytorch.registration());
      DemoResult djl = running.run(definition, new ByteArrayOutputStream());
      DemoResult torch =
          running.run(DemoRun.withTrainer(definition, "pytorch"), new ByteArrayOutputStream());

      assertThat(torch.runs()).hasSize(djl.runs().size()).hasSize(18);
      for (RunView run : torch.runs()) {
        assertThat(run.tokens()).as(run.scale()).isPositive();
      }
      TrainerComparison comparison =
          TrainerComparison.of("djl", djl.scaleCorrelation(), "pytorch", torch.scaleCorrelation());
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      comparison.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.out.println(printed.toString(StandardCharsets.UTF_8));
      assertThat(comparison.rows()).hasSize(2);
      assertThat(comparison.sameRecommendation()).as(printed.toString()).isTrue();
      assertThat(comparison.agrees()).as(printed.toString()).isTrue();
    }
  }
}
