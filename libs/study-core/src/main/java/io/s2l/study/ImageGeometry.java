package io.s2l.study;

/**
 * The shape of an image set, what the compute of an image classifier depends on.
 *
 * @param height image height in pixels
 * @param width image width in pixels
 * @param channels values per pixel
 * @param classes number of classes
 * @param testImages images of the test set (the targets of featurisation)
 */
public record ImageGeometry(int height, int width, int channels, int classes, int testImages) {}
