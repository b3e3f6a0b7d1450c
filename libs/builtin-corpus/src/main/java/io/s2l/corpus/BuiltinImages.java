package io.s2l.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The image sets shipped inside s2l (see {@code builtin-corpus/PROVENANCE.md}): {@code digits}, 8x8
 * handwritten digits. Each set is {@code s2l/images/<name>/{train,test}.csv.gz}, one image per line
 * {@code id,label,p0,...} after a header line, described by {@code s2l/images/manifest.json}.
 */
public final class BuiltinImages {

  private static final String ROOT = "/s2l/images/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The image manifest: {@code {"version": 1, "imageSets": [...]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Manifest(int version, List<Entry> imageSets) {}

  /** One manifest entry. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Entry(
      String name,
      int width,
      int height,
      int channels,
      int classes,
      int maxValue,
      int train,
      int test,
      String source,
      String licence) {}

  private BuiltinImages() {}

  /** Image set names in manifest order. */
  public static List<String> names() {
    return manifest().imageSets().stream().map(Entry::name).toList();
  }

  /**
   * The largest pixel value of a set's files: {@link ImageSet} pixels are the files' integers
   * divided by it. IllegalArgumentException for an unknown name.
   */
  public static int pixelMax(String name) {
    return entry(name).maxValue();
  }

  /** Loads both parts of a set; IllegalArgumentException for an unknown name. */
  public static ImageSet load(String name) {
    Entry entry = entry(name);
    Part train = read(entry, "train");
    Part test = read(entry, "test");
    return new ImageSet(
        entry.name(),
        entry.width(),
        entry.height(),
        entry.channels(),
        entry.classes(),
        train.ids,
        train.labels(),
        train.pixels.toArray(float[][]::new),
        test.ids,
        test.labels(),
        test.pixels.toArray(float[][]::new));
  }

  private static Entry entry(String name) {
    return manifest().imageSets().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown image set '" + name + "'"));
  }

  static Manifest manifest() {
    try (InputStream in = open(ROOT + "manifest.json")) {
      return JSON.readValue(in, Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in image manifest", e);
    }
  }

  private record Part(List<String> ids, List<Integer> labelList, List<float[]> pixels) {
    int[] labels() {
      return labelList.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static Part read(Entry entry, String part) {
    String path = ROOT + entry.name() + "/" + part + ".csv.gz";
    int values = entry.width() * entry.height() * entry.channels();
    float max = entry.maxValue();
    Part out = new Part(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(open(path)), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("id,")) {
          continue;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != values + 2) {
          throw new IllegalStateException(
              path + ": expected " + (values + 2) + " fields, got " + fields.length);
        }
        float[] pixels = new float[values];
        for (int i = 0; i < values; i++) {
          pixels[i] = Integer.parseInt(fields[i + 2]) / max;
        }
        out.ids.add(fields[0]);
        out.labelList.add(Integer.parseInt(fields[1]));
        out.pixels.add(pixels);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return out;
  }

  private static InputStream open(String path) {
    InputStream in = BuiltinImages.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + path);
    }
    return in;
  }
}
