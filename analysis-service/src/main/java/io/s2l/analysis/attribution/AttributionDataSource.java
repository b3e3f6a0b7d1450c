package io.s2l.analysis.attribution;

import io.s2l.corpus.BuiltinImages;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds a study's {@link AttributionData}: an image set's, or a text study's from the document ids
 * its pool model {@code <reference>/pool/0} was trained on, their texts and its target set.
 */
@Component
public class AttributionDataSource {

  private final AttributionInputs inputs;
  private final TextSets texts;

  AttributionDataSource(AttributionInputs inputs, TextSets texts) {
    this.inputs = inputs;
    this.texts = texts;
  }

  /**
   * @param targetSet the text study's target set; null for an image study
   * @param poolRun the training job key of one of the study's pool models
   */
  public AttributionData of(UUID study, String dataset, String targetSet, String poolRun) {
    if (targetSet == null) {
      return new ImageData(BuiltinImages.load(dataset));
    }
    List<String> ids = inputs.poolIds(study, poolRun);
    return new TextData(
        ids, texts.documents(dataset, ids), targetSet, texts.targets(dataset, targetSet));
  }
}
