package io.s2l.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * An image classifier of one {@link ClassifierScale}: an mlp or a small VGG-style cnn ending in a
 * global average pool, so that the cnn's parameter count depends on its width and depth but not on
 * the image size. Input (B, H, W, C) pixels as FLOAT32, the row-major layout of {@link
 * io.s2l.corpus.ImageSet}; output (B, classes) logits. The cnn moves channels first internally.
 */
public final class ImageClassifier extends AbstractBlock {

  private static final Shape POOL = new Shape(2, 2);
  private static final Shape NO_PADDING = new Shape(0, 0);

  private final ClassifierScale scale;
  private final int height;
  private final int width;
  private final int channels;
  private final int classes;
  private final List<AbstractBlock> layers = new ArrayList<>();
  private final Linear head;

  /** A network for {@code height x width} images of {@code channels} channels. */
  public ImageClassifier(ClassifierScale scale, int height, int width, int channels, int classes) {
    super((byte) 1);
    if (height < 1 || width < 1 || channels < 1 || classes < 2) {
      throw new IllegalArgumentException(
          "need a positive image geometry and at least 2 classes, got %dx%dx%d, %d classes"
              .formatted(height, width, channels, classes));
    }
    this.scale = scale;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.classes = classes;
    for (int i = 0; i < scale.depth(); i++) {
      AbstractBlock layer =
          scale.isCnn()
              ? Conv2d.builder()
                  .setKernelShape(new Shape(3, 3))
                  .optPadding(new Shape(1, 1))
                  .setFilters(scale.width())
                  .build()
              : Linear.builder().setUnits(scale.width()).build();
      layers.add(addChildBlock((scale.isCnn() ? "conv" : "hidden") + i, layer));
    }
    head = addChildBlock("head", Linear.builder().setUnits(classes).build());
  }

  public ClassifierScale scale() {
    return scale;
  }

  public int classes() {
    return classes;
  }

  /** The input shape (batch, H, W, C) for a batch of {@code batch} images. */
  public Shape inputShape(long batch) {
    return new Shape(batch, height, width, channels);
  }

  /** Trainable parameters, {@link ClassifierScale#params} for this geometry. */
  public long paramCount() {
    return scale.params(height, width, channels, classes);
  }

  /** Multiply-adds of one forward pass over one image, see {@link ClassifierScale#multiplyAdds}. */
  public long multiplyAdds() {
    return scale.multiplyAdds(height, width, channels, classes);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    x = scale.isCnn() ? x.transpose(0, 3, 1, 2) : x.reshape(x.getShape().get(0), -1);
    for (AbstractBlock layer : layers) {
      x = Activation.relu(layer.forward(store, new NDList(x), training).singletonOrThrow());
      if (scale.isCnn() && ClassifierScale.pools(x.getShape().get(2), x.getShape().get(3))) {
        x = Pool.maxPool2d(x, POOL, POOL, NO_PADDING, false);
      }
    }
    if (scale.isCnn()) {
      // global average pool, (B, width, h, w) -> (B, width); PyTorch's mean takes one axis here
      Shape shape = x.getShape();
      x = x.reshape(shape.get(0), shape.get(1), shape.get(2) * shape.get(3)).mean(new int[] {2});
    }
    return head.forward(store, new NDList(x), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    long batch = in.get(0);
    Shape x =
        scale.isCnn()
            ? new Shape(batch, in.get(3), in.get(1), in.get(2))
            : new Shape(batch, in.size() / batch);
    for (AbstractBlock layer : layers) {
      layer.initialize(manager, dataType, x);
      x = layer.getOutputShapes(new Shape[] {x})[0];
      if (scale.isCnn() && ClassifierScale.pools(x.get(2), x.get(3))) {
        x = new Shape(batch, x.get(1), x.get(2) / 2, x.get(3) / 2);
      }
    }
    head.initialize(manager, dataType, new Shape(batch, scale.width()));
  }
}
