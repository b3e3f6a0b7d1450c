package io.s2l.plots;

/**
 * Appends SVG elements to a string, one per line. Attribute values and text are escaped here, so
 * callers pass raw strings; a null attribute value leaves the attribute out, a double is written as
 * a pixel coordinate.
 */
final class SvgWriter {

  static final String NAMESPACE = "http://www.w3.org/2000/svg";
  private static final String FONTS =
      "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

  private final StringBuilder out = new StringBuilder(16_384);

  /** Starts the document: root element, document title and white background. */
  SvgWriter(String title) {
    element("svg")
        .attr("xmlns", NAMESPACE)
        .attr("viewBox", "0 0 " + Num.coord(Plot.WIDTH) + " " + Num.coord(Plot.HEIGHT))
        .attr("width", Plot.WIDTH)
        .attr("height", Plot.HEIGHT)
        .attr("role", "img")
        .attr("font-family", FONTS)
        .attr("font-size", 12)
        .open();
    if (!Text.isBlank(title)) {
      element("title").text(title);
    }
    element("rect")
        .attr("width", Plot.WIDTH)
        .attr("height", Plot.HEIGHT)
        .attr("fill", "#ffffff")
        .empty();
  }

  /** Starts an element; finish it with one of the {@link Tag} methods. */
  Tag element(String name) {
    return new Tag(name);
  }

  /** A straight line segment; add stroke attributes and finish with {@link Tag#empty()}. */
  Tag line(double x1, double y1, double x2, double y2) {
    return element("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2);
  }

  /** A group; finish with {@link Tag#open()} and later {@code close("g")}. */
  Tag group(String cssClass) {
    return element("g").attr("class", cssClass);
  }

  void close(String name) {
    out.append("</").append(name).append(">\n");
  }

  String finish() {
    close("svg");
    return out.toString();
  }

  /** One element being written: attributes, then exactly one of the finishing methods. */
  final class Tag {
    private final String name;
    private final StringBuilder attributes = new StringBuilder();

    private Tag(String name) {
      this.name = name;
    }

    Tag attr(String attribute, String value) {
      if (value != null) {
        attributes.append(' ').append(attribute).append("=\"");
        attributes.append(Xml.escape(value)).append('"');
      }
      return this;
    }

    Tag attr(String attribute, double value) {
      return attr(attribute, Num.coord(value));
    }

    /** {@code <name .../>}. */
    void empty() {
      out.append('<').append(name).append(attributes).append("/>\n");
    }

    /** {@code <name ...>}, to be closed with {@link SvgWriter#close(String)}. */
    void open() {
      out.append('<').append(name).append(attributes).append(">\n");
    }

    /** {@code <name ...>content</name>}. */
    void text(String content) {
      out.append('<').append(name).append(attributes).append('>');
      out.append(Xml.escape(content)).append("</").append(name).append(">\n");
    }

    /** {@code <name ...><title>tooltip</title></name>}: the element with a hover tooltip. */
    void tooltip(String tooltip) {
      open();
      element("title").text(tooltip);
      close(name);
    }
  }
}
