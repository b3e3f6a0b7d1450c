package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.s2l.lm.train.LmEngine;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocks of P made on the engine are the Java ones, bit for bit. */
class BlockProjectionIT {

  @BeforeAll
  static void engine() {
    LmEngine.start(1);
  }

  /** k a multiple of 64 or not, the last block full or partial. */
  @ParameterizedTest
  @CsvSource({"1000, 128, 300", "1000, 100, 300", "257, 70, 64", "64, 1024, 4096"})
  void engineBlocksEqualJavaBlocks(int p, int k, int blockRows) {
    BlockProjection projection = new BlockProjection(p, k, -3, blockRows);
    float[] java = projection.newBlock();
    try (NDManager manager = NDManager.newBaseManager()) {
      ByteBuffer words = projection.newWordBuffer();
      NDArray signs = projection.signTable(manager);
      for (int b = 0; b < projection.blocks(); b++) {
        int rows = projection.fillBlock(b, java);
        NDArray block = projection.block(b, words, signs, manager);
        assertThat(block.getShape()).isEqualTo(new Shape(rows, k));
        assertThat(block.toFloatArray())
            .as("block %d", b)
            .containsExactly(Arrays.copyOf(java, rows * k));
      }
    }
  }
}
