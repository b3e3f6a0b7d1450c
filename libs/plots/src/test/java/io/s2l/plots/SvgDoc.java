package io.s2l.plots;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses rendered SVG with the JDK's namespace-aware DOM parser and finds elements by class. */
final class SvgDoc {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  private final Document document;

  private SvgDoc(Document document) {
    this.document = document;
  }

  /** Fails the test (with the parser's message) unless {@code svg} is well-formed XML. */
  static SvgDoc parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return new SvgDoc(builder.parse(new InputSource(new StringReader(svg))));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
    }
  }

  Element root() {
    return document.getDocumentElement();
  }

  /** Elements in the SVG namespace whose class attribute contains {@code cssClass}. */
  List<Element> byClass(String cssClass) {
    List<Element> found = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS(SVG_NS, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (Arrays.asList(e.getAttribute("class").split(" ")).contains(cssClass)) {
        found.add(e);
      }
    }
    return found;
  }

  List<Element> byTag(String localName) {
    List<Element> found = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS(SVG_NS, localName);
    for (int i = 0; i < all.getLength(); i++) {
      found.add((Element) all.item(i));
    }
    return found;
  }

  /**
   * Text contents of the {@code <text>} elements under the elements with class {@code cssClass}.
   */
  List<String> texts(String cssClass) {
    List<String> texts = new ArrayList<>();
    for (Element group : byClass(cssClass)) {
      NodeList nodes = group.getElementsByTagNameNS(SVG_NS, "text");
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent());
      }
    }
    return texts;
  }

  /** The y axis tick labels: the right-aligned texts among the tick labels, bottom to top. */
  List<String> yTickLabels() {
    List<String> labels = new ArrayList<>();
    for (Element text : byTag("text")) {
      Element parent = (Element) text.getParentNode();
      if ("tick-labels".equals(parent.getAttribute("class"))
          && "end".equals(text.getAttribute("text-anchor"))) {
        labels.add(text.getTextContent());
      }
    }
    return labels;
  }

  /** Text of the direct {@code <title>} child, or null. */
  static String tooltip(Element e) {
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element c && "title".equals(c.getLocalName())) {
        return c.getTextContent();
      }
    }
    return null;
  }

  static double number(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
