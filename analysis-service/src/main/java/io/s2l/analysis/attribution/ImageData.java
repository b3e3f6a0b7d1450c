package io.s2l.analysis.attribution;

import io.s2l.api.attribution.TargetDocuments;
import io.s2l.attribution.Baselines;
import io.s2l.attribution.DsDm;
import io.s2l.attribution.Scores;
import io.s2l.corpus.ImageSet;
import io.s2l.study.AttributionJobSpec;
import java.util.List;

/**
 * An image study's data: the image set's training split is the pool, its test split the targets;
 * outputs are correct-class margins and similarity is cosine similarity of pixels.
 */
record ImageData(ImageSet images) implements AttributionData {

  @Override
  public List<String> poolIds() {
    return images.trainIds();
  }

  @Override
  public int targetSetSize() {
    return images.testIds().size();
  }

  @Override
  public String evalSet() {
    return AttributionData.imageTestSet(images.name());
  }

  @Override
  public String targetSet() {
    return null;
  }

  @Override
  public TargetTask task(AttributionJobSpec spec) {
    return TargetTask.of(spec, targetSetSize(), images.testLabels());
  }

  @Override
  public int[] similar(int[] targetIndices, int size) {
    float[][] targetPixels = new float[targetIndices.length][];
    for (int i = 0; i < targetIndices.length; i++) {
      targetPixels[i] = images.testPixels()[targetIndices[i]];
    }
    return Baselines.similarity(images.trainPixels(), targetPixels, size);
  }

  @Override
  public double predictedLoss(
      Scores scores, TargetTask task, int[] rows, double[] poolOutputs, boolean[] subset) {
    return DsDm.predictedLoss(scores, rows, poolOutputs, subset);
  }

  @Override
  public TargetDocuments documents(
      String scale, Scores scores, int row, int targetIndex, int count) {
    return null;
  }
}
