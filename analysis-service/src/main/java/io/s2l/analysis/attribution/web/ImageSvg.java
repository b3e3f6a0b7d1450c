package io.s2l.analysis.attribution.web;

/** A grey-scale image as SVG: one square per pixel, 0 white and 1 black, 12 px per pixel. */
final class ImageSvg {

  private static final int CELL = 12;

  private ImageSvg() {}

  static String grey(float[] pixels, int width, int height) {
    if (pixels.length != width * height) {
      throw new IllegalArgumentException(
          "an image of " + width + " x " + height + " needs " + width * height + " pixels");
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width * CELL)
        .append("\" height=\"")
        .append(height * CELL)
        .append("\" shape-rendering=\"crispEdges\">");
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float v = Math.max(0f, Math.min(1f, pixels[y * width + x]));
        int grey = Math.round(255 * (1 - v));
        svg.append("<rect x=\"")
            .append(x * CELL)
            .append("\" y=\"")
            .append(y * CELL)
            .append("\" width=\"")
            .append(CELL)
            .append("\" height=\"")
            .append(CELL)
            .append("\" fill=\"rgb(")
            .append(grey)
            .append(',')
            .append(grey)
            .append(',')
            .append(grey)
            .append(")\"/>");
      }
    }
    return svg.append("</svg>").toString();
  }
}
