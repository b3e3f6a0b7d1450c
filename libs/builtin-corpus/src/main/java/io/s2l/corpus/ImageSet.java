package io.s2l.corpus;

import java.util.List;

/**
 * A labelled image classification set with a fixed train/test split. Pixels are row-major, {@code
 * width * height * channels} values per image, scaled to [0, 1] by the set's maximum pixel value.
 *
 * @param name the set's name, such as {@code digits}
 * @param width image width in pixels
 * @param height image height in pixels
 * @param channels values per pixel (1 for grey scale)
 * @param classes number of classes; labels are 0 .. classes - 1
 * @param trainIds stable image ids of the training part, such as {@code digit-000123}
 * @param trainLabels class of each training image
 * @param trainPixels pixels of each training image
 * @param testIds stable image ids of the test part (disjoint from the training ids)
 * @param testLabels class of each test image
 * @param testPixels pixels of each test image
 */
public record ImageSet(
    String name,
    int width,
    int height,
    int channels,
    int classes,
    List<String> trainIds,
    int[] trainLabels,
    float[][] trainPixels,
    List<String> testIds,
    int[] testLabels,
    float[][] testPixels) {}
