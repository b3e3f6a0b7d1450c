package io.s2l.experiment.catalog;

import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.ImageSet;
import io.s2l.study.DomainCatalog;
import io.s2l.study.ImageGeometry;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The built-in digits image set as a study catalog: no domains (image studies train on subsets of
 * the pool), its training images as the pool, and its test set as the one evaluation set.
 */
@Component
class DigitsCatalog implements DomainCatalog {

  static final String DATASET = "digits";
  static final String TEST_SET = "images/digits-test";

  private final List<String> pool;
  private final Set<String> poolIds;
  private final ImageGeometry geometry;

  DigitsCatalog() {
    ImageSet images = BuiltinImages.load(DATASET);
    this.pool = List.copyOf(images.trainIds());
    this.poolIds = new HashSet<>(pool);
    this.geometry =
        new ImageGeometry(
            images.height(),
            images.width(),
            images.channels(),
            images.classes(),
            images.testIds().size());
  }

  @Override
  public Optional<ImageGeometry> imageGeometry() {
    return Optional.of(geometry);
  }

  @Override
  public List<String> domains() {
    return List.of();
  }

  @Override
  public List<String> evalSets() {
    return List.of(TEST_SET);
  }

  @Override
  public boolean hasTrainingDocument(String id) {
    return poolIds.contains(id);
  }

  @Override
  public List<String> trainingDocumentIds() {
    return pool;
  }

  @Override
  public String modality() {
    return IMAGE;
  }
}
