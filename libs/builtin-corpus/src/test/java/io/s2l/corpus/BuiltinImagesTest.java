package io.s2l.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BuiltinImagesTest {

  @Test
  void digitsLoadWithTheStatedShapeAndSplit() {
    assertThat(BuiltinImages.names()).containsExactly("digits");
    ImageSet digits = BuiltinImages.load("digits");
    assertThat(digits.width()).isEqualTo(8);
    assertThat(digits.height()).isEqualTo(8);
    assertThat(digits.channels()).isEqualTo(1);
    assertThat(digits.classes()).isEqualTo(10);
    assertThat(digits.trainIds()).hasSize(1397);
    assertThat(digits.trainLabels()).hasSize(1397);
    assertThat(digits.trainPixels().length).isEqualTo(1397);
    assertThat(digits.testIds()).hasSize(400);
    assertThat(digits.testLabels()).hasSize(400);
    assertThat(digits.testPixels().length).isEqualTo(400);
  }

  @Test
  void idsAreDisjointLabelsInRangePixelsInUnitInterval() {
    ImageSet digits = BuiltinImages.load("digits");
    Set<String> train = new HashSet<>(digits.trainIds());
    assertThat(train).hasSize(1397);
    assertThat(digits.testIds()).doesNotContainAnyElementsOf(train).doesNotHaveDuplicates();
    assertThat(digits.trainIds()).allMatch(id -> id.matches("digit-\\d{6}"));
    for (int[] labels : new int[][] {digits.trainLabels(), digits.testLabels()}) {
      for (int l : labels) {
        assertThat(l).isBetween(0, 9);
      }
    }
    float max = 0;
    for (float[][] part : new float[][][] {digits.trainPixels(), digits.testPixels()}) {
      for (float[] image : part) {
        assertThat(image).hasSize(64);
        for (float p : image) {
          assertThat(p).isBetween(0f, 1f);
          max = Math.max(max, p);
        }
      }
    }
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void theSplitIsStratifiedByLabel() {
    ImageSet digits = BuiltinImages.load("digits");
    int[] all = new int[10];
    int[] test = new int[10];
    for (int l : digits.trainLabels()) {
      all[l]++;
    }
    for (int l : digits.testLabels()) {
      all[l]++;
      test[l]++;
    }
    int total = digits.trainLabels().length + digits.testLabels().length;
    for (int c = 0; c < 10; c++) {
      double expected = all[c] * (double) digits.testLabels().length / total;
      assertThat((double) test[c]).as("class " + c).isCloseTo(expected, Offset.offset(1.0));
    }
  }

  @Test
  void unknownNamesAreRejected() {
    assertThatThrownBy(() -> BuiltinImages.load("cifar10"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
