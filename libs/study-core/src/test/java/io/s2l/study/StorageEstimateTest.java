package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage estimates behind the storage budget, against hand-worked closed forms. */
class StorageEstimateTest {

  @Test
  void aModelLeavesItsParametersItsCheckpointAndItsSnapshots() {
    ModelScale lm = new ModelScale("s", 64, 2, 2, 32);
    // P = 2 (12 x 64^2 + 13 x 64) + 2 x 64 + (256 x 64 + 32 x 64 + 256 x 64 + 256) = 135168
    long params = 135168;
    assertThat(StorageEstimate.trainedModel(lm, 1, null)).isEqualTo(20 * params);
    // two snapshots besides the final model
    assertThat(StorageEstimate.trainedModel(lm, 3, null)).isEqualTo(28 * params);
  }

  @Test
  void aFeatureFileHoldsExamplesTimesKFloats() {
    assertThat(StorageEstimate.featureFile(40, 32)).isEqualTo(40 * 32 * 4);
  }

  @Test
  void anAttributionStudyAddsItsModelsAndItsFeatureFilesOverThePool() {
    DomainCatalog images = AttributionStudyTest.IMAGES;
    StudyDefinition study = AttributionStudyTest.study(AttributionStudyTest.spec(2), List.of(0L));
    StudyPlan plan = StudyPlan.expand(study, images);
    long models = 0;
    for (TrainingJobSpec job : plan.jobs()) {
      long params =
          job.scale().width() == 4 ? 4 * 65 + 5 * 4 + 5 * 10 : 16 * 65 + 17 * 16 + 17 * 10;
      models += 20 * params;
    }
    // 2 scales x 2 models x (pool + targets) feature files of 40 pool images x k = 32
    long features = 2 * 2 * 2 * 40 * 32 * 4;
    assertThat(StorageEstimate.study(study, plan, images)).isEqualTo(models + features);
  }
}
