package io.s2l.analysis.attribution;

import io.s2l.api.attribution.DocumentExcerpt;
import io.s2l.api.attribution.TargetDocuments;
import io.s2l.attribution.ByteNgrams;
import io.s2l.attribution.DsDm;
import io.s2l.attribution.Excerpts;
import io.s2l.attribution.Scores;
import io.s2l.attribution.TopExamples;
import io.s2l.study.AttributionJobSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A text study's data: the pool is the documents its pool models were trained on (in their order),
 * the targets the examples of its target set; outputs are o of docs/science.md section 3.1 (-mean
 * loss of an answer or text, the log-odds margin of a correct choice) and similarity is that of
 * hashed byte trigrams ({@link ByteNgrams}).
 *
 * @param poolIds the pool's document ids
 * @param poolTexts their texts, in the same order
 * @param targets the target set's examples, in the set's order
 */
record TextData(
    List<String> poolIds,
    List<String> poolTexts,
    String targetSet,
    List<TextSets.TargetText> targets)
    implements AttributionData {

  TextData {
    if (poolIds.size() != poolTexts.size()) {
      throw new IllegalArgumentException("every pool document needs its text");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("the target set " + targetSet + " has no examples");
    }
  }

  @Override
  public int targetSetSize() {
    return targets.size();
  }

  @Override
  public String evalSet() {
    return targetSet;
  }

  @Override
  public TargetTask task(AttributionJobSpec spec) {
    return TargetTask.of(spec, targets.size(), null);
  }

  @Override
  public int[] similar(int[] targetIndices, int size) {
    List<String> texts = new ArrayList<>(targetIndices.length);
    for (int i : targetIndices) {
      texts.add(targets.get(i).text());
    }
    return ByteNgrams.select(poolTexts, texts, size);
  }

  @Override
  public double predictedLoss(
      Scores scores, TargetTask task, int[] rows, double[] poolOutputs, boolean[] subset) {
    boolean[] choice = new boolean[task.size()];
    for (int r = 0; r < choice.length; r++) {
      choice[r] = targets.get(task.testIndices()[r]).choice();
    }
    return DsDm.predictedTextLoss(scores, rows, poolOutputs, subset, choice);
  }

  @Override
  public TargetDocuments documents(
      String scale, Scores scores, int row, int targetIndex, int count) {
    TextSets.TargetText target = targets.get(targetIndex);
    return new TargetDocuments(
        scale,
        row,
        target.id(),
        Excerpts.of(target.text()),
        excerpts(TopExamples.helpful(scores, row, count)),
        excerpts(TopExamples.harmful(scores, row, count)));
  }

  private List<DocumentExcerpt> excerpts(List<TopExamples.Ranked> ranked) {
    return ranked.stream()
        .map(
            r ->
                new DocumentExcerpt(
                    r.example(),
                    poolIds.get(r.example()),
                    Excerpts.of(poolTexts.get(r.example())),
                    r.score()))
        .toList();
  }
}
