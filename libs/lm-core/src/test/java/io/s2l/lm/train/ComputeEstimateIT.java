package io.s2l.lm.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.lm.data.DomainText;
import io.s2l.study.ComputeEstimate;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compute a quota charges for a language model ({@link ComputeEstimate#training}) is exactly
 * the compute the trainer reports, token rounding included.
 */
class ComputeEstimateIT {

  static Map<String, DomainText> texts;

  @BeforeAll
  static void engine() {
    LmEngine.start(1);
    texts = Map.of("code", DomainText.of("code", BuiltinCorpus.train("code")));
  }

  @ParameterizedTest
  @CsvSource({
    // width, depth, heads, context, batch, tokensPerParam: budgets that end mid-step
    "16, 1, 2, 16, 4, 1.3",
    "32, 2, 4, 32, 8, 0.7",
    "24, 3, 2, 24, 3, 0.35",
  })
  void theEstimateEqualsWhatTheTrainerReports(
      int width, int depth, int heads, int context, int batch, double tokensPerParam) {
    TrainingJobSpec job =
        new TrainingJobSpec(
            "builtin",
            new ModelScale("s", width, depth, heads, context),
            new MixtureSpec("code", Map.of("code", 1.0)),
            1,
            tokensPerParam,
            List.of(),
            new TrainingSettings(batch, 3e-3, 0.1, 0.01, 1.0).withDefaults());
    try (TrainedModel model = LmTrainer.train(job, texts, (s, t, l) -> {})) {
      assertThat(job.tokenBudget() % ((long) batch * context)).isNotZero();
      assertThat(ComputeEstimate.training(job, null)).isEqualTo(model.stats().flops());
    }
  }
}
