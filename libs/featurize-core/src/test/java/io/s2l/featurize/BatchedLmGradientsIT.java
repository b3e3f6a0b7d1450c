package io.s2l.featurize;

import static io.s2l.featurize.PerExampleGradientsIT.relativeDistance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.s2l.attribution.FeatureFile;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.eval.ScoredSequence;
import io.s2l.lm.eval.SequenceScorer;
import io.s2l.lm.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weight-copies path of a tiny transformer against one backward per example, the values of f
 * against lm-core's evaluation, the gradients against central differences; real engine.
 */
class BatchedLmGradientsIT {

  /** Float32 rounding of a margin, in nats (see the check of margins below). */
  private static final float MARGIN_ROUNDING = 5e-5f;

  private static final Logger log = LoggerFactory.getLogger(BatchedLmGradientsIT.class);

  static TrainedModel model;
  static LmGradients gradients;
  static List<String> texts;
  static List<EvalExample> answers;
  static List<EvalExample> choices;
  static Map<String, List<LmExample>> sets;

  @BeforeAll
  static void train() {
    model = TinyLm.train();
    gradients = LmGradients.of(model);
    // 2 to 4 windows of up to 32 predictions at context 32, some documents shorter than maxBytes
    texts = new ArrayList<>();
    List<Document> docs = BuiltinCorpus.heldout("speeches");
    for (int i = 0; i < 12; i++) {
      String text = docs.get(i).text();
      texts.add(i % 3 == 0 ? text.substring(0, 20 + 3 * i) : text);
    }
    // cloze prompts (150-230 bytes) span several windows; quiz prompts are short
    answers = new ArrayList<>(BuiltinEvalSets.load("cloze").subList(0, 6));
    answers.addAll(BuiltinEvalSets.load("quiz").subList(0, 6));
    choices = new ArrayList<>(BuiltinEvalSets.load("grammar").subList(0, 10));
    // three choices, one longer than the context, beside two-choice examples: padded segments
    choices.add(
        new EvalExample(
            "three",
            "The committee met on Tuesday and",
            null,
            List.of(
                " decided nothing.",
                " voted, after a long and sometimes heated debate, to adjourn.",
                " left."),
            1));
    sets =
        Map.of(
            "documents", texts.stream().map(t -> LmExample.document(t, 100)).toList(),
            "answers", answers.stream().map(LmExample::of).toList(),
            "choices", choices.stream().map(LmExample::of).toList(),
            "byte margins", answers.stream().map(e -> byteMargin(LmExample.of(e))).toList());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"documents", "answers", "choices", "byte margins"})
  void theWeightCopiesPathEqualsOneBackwardPerExample(String set) {
    List<LmExample> examples = sets.get(set);
    PerExampleGradients.Result batched = gradients.batched(examples);
    PerExampleGradients.Result reference = gradients.reference(examples);
    double worst = 0;
    for (int i = 0; i < examples.size(); i++) {
      worst = Math.max(worst, relativeDistance(batched.row(i), reference.row(i)));
      // a margin is the difference of two float32 sums of token log-probabilities (tens of nats
      // for a long choice), summed in another order by the batched path and by libtorch's threads:
      // each sum carries rounding of a few 1e-6 nats, so their difference does too, however small
      // the margin itself is (one run differed by 1.5e-5 on a margin of 0.017)
      assertThat(batched.margins()[i])
          .as("example %d", i)
          .isCloseTo(
              reference.margins()[i],
              within(MARGIN_ROUNDING + 1e-5f * Math.abs(reference.margins()[i])));
    }
    log.info(
        "{}: {} examples, p = {}, worst relative L2 difference batched vs reference {}",
        set,
        examples.size(),
        gradients.parameterCount(),
        worst);
    assertThat(worst).isLessThan(1e-5);
  }

  @Test
  void documentAndAnswerValuesAreEvaluationsLosses() {
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      SequenceScorer scorer = new SequenceScorer(model.network(), manager, 7);
      List<LmExample> docs =
          texts.stream().map(t -> LmExample.document(t, Evaluations.MAX_TEXT_BYTES)).toList();
      assertClose(gradients.batched(docs).margins(), Evaluations.text(scorer, texts).losses());
      assertClose(
          gradients.batched(sets.get("answers")).margins(),
          Evaluations.answers(scorer, answers).losses());
    }
  }

  /** {@code s_y - log sum_{c != y} e^{s_c}} from SequenceScorer's summed losses, in double. */
  @Test
  void choiceValuesAreTheLogOddsOfTheCorrectChoice() {
    float[] margins = gradients.batched(sets.get("choices")).margins();
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      SequenceScorer scorer = new SequenceScorer(model.network(), manager, 7);
      for (int i = 0; i < choices.size(); i++) {
        LmExample example = sets.get("choices").get(i);
        double[] nll = scorer.sumLosses(example.sequences());
        double others = 0;
        for (int c = 0; c < nll.length; c++) {
          others += c == example.label() ? 0 : Math.exp(-nll[c]);
        }
        double expected = -nll[example.label()] - Math.log(others);
        assertThat((double) margins[i]).as("example %d", i).isCloseTo(expected, within(1e-4));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"documents", "choices"})
  void theGradientMatchesACentralDifference(String set) {
    List<LmExample> examples = sets.get(set);
    for (int i : new int[] {1, examples.size() - 1}) {
      List<LmExample> one = List.of(examples.get(i));
      float[] g = gradients.batched(one).gradients();
      double norm = TinyLm.norm(g);
      double slope =
          TinyLm.centralDifference(
              model, gradients.layout(), g, 1e-2f, () -> gradients.batched(one).margins()[0]);
      log.info("{} {}: |g| = {}, central difference {}", set, i, norm, slope);
      assertThat(slope).isCloseTo(norm, within(2e-3 * norm));
    }
  }

  @Test
  void anExamplesGradientBarelyDependsOnTheRestOfItsBatch() {
    List<LmExample> examples = sets.get("documents");
    PerExampleGradients.Result together = gradients.batched(examples);
    double worst = 0;
    for (int i = 0; i < examples.size(); i++) {
      float[] alone = gradients.batched(List.of(examples.get(i))).gradients();
      worst = Math.max(worst, relativeDistance(together.row(i), alone));
    }
    // a batched matmul's reduction order may depend on the batch: not bit-identical
    log.info("worst relative L2 difference alone vs in a batch of 12: {}", worst);
    assertThat(worst).isLessThan(1e-5);
  }

  @Test
  void leavesTheModelAndItsManagerAsTheyWere() {
    int p = gradients.parameterCount();
    float[] before = TinyLm.parameters(model, gradients.layout(), p);
    int managed = model.model().getNDManager().getManagedArrays().size();
    gradients.batched(sets.get("choices"));
    gradients.reference(sets.get("documents").subList(0, 2));
    assertThat(model.model().getNDManager().getManagedArrays()).hasSize(managed);
    assertThat(TinyLm.parameters(model, gradients.layout(), p)).containsExactly(before);
  }

  @Test
  void theChunkSizeFollowsTheMemoryBudget() {
    List<LmExample> docs = sets.get("documents");
    long perDocument = gradients.bytesPerExample(4, 32);
    assertThat(perDocument).isGreaterThan(4L * 4 * gradients.parameterCount());
    assertThat(gradients.chunkSize(docs, 5 * perDocument)).isEqualTo(5);
    assertThat(gradients.chunkSize(docs, 5 * perDocument - 1)).isEqualTo(4);
    assertThat(gradients.chunkSize(docs, 1)).isEqualTo(1);
    assertThat(gradients.chunkSize(docs, Long.MAX_VALUE)).isEqualTo(docs.size());
  }

  @Test
  void featuresStreamIntoAFeatureFile(@TempDir Path dir) throws Exception {
    List<LmExample> docs = sets.get("documents");
    BlockProjection projection = new BlockProjection(gradients.parameterCount(), 64, 11, 5000);
    // batches of 2 within chunks of 5: 2 + 2 + 1 concatenated, then projected together
    int batch = gradients.chunkSize(docs, 2 * gradients.bytesPerExample(4, 32));
    assertThat(batch).isEqualTo(2);
    Path file = dir.resolve("pool.f32");
    int managed = model.model().getNDManager().getManagedArrays().size();
    try (FeatureFileWriter writer = FeatureFileWriter.create(file, docs.size(), 64)) {
      new Featurizer(projection, 5).featurize(gradients.source(docs, batch), writer);
      writer.commit();
    }
    assertThat(model.model().getNDManager().getManagedArrays()).hasSize(managed);
    float[] expected = projection.project(gradients.reference(docs).gradients(), docs.size());
    float[] features = new float[expected.length];
    try (FeatureFile read = FeatureFile.open(file, 64)) {
      assertThat(read.rows()).isEqualTo(docs.size());
      read.read(0, docs.size(), features);
    }
    for (int i = 0; i < docs.size(); i++) {
      float[] row = java.util.Arrays.copyOfRange(features, i * 64, (i + 1) * 64);
      float[] want = java.util.Arrays.copyOfRange(expected, i * 64, (i + 1) * 64);
      assertThat(relativeDistance(row, want)).as("document %d", i).isLessThan(1e-5);
    }
  }

  /** Timing only (logged): best of three runs of each path over 48 documents of 4 windows. */
  @Test
  void measuresTheBatchedPathAgainstTheReference() {
    List<LmExample> docs = new ArrayList<>();
    for (Document d : BuiltinCorpus.heldout("legal").subList(0, 48)) {
      docs.add(LmExample.document(d.text(), 128));
    }
    long batched = Long.MAX_VALUE;
    long reference = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      gradients.batched(docs);
      long t1 = System.nanoTime();
      gradients.reference(docs);
      long t2 = System.nanoTime();
      batched = Math.min(batched, t1 - t0);
      reference = Math.min(reference, t2 - t1);
    }
    log.info(
        "48 documents of 128 bytes, p = {}: batched {} ms, reference {} ms, {}x",
        gradients.parameterCount(),
        batched / 1_000_000,
        reference / 1_000_000,
        String.format("%.1f", (double) reference / batched));
    assertThat(batched).isPositive();
  }

  private static LmExample byteMargin(LmExample answer) {
    ScoredSequence s = answer.sequences().get(0);
    return LmExample.byteMargin(s);
  }

  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("example %d", i).isCloseTo(expected[i], within(1e-5f * 10));
    }
  }
}
