package io.s2l.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The task evaluation sets shipped inside s2l (see {@code builtin-corpus/PROVENANCE.md}): {@code
 * cloze} and {@code quiz} (kind answer) and {@code grammar} (kind choice). The held-out text sets
 * {@code heldout/<domain>} are not here; they come from {@link BuiltinCorpus#heldout(String)}.
 */
public final class BuiltinEvalSets {

  private static final String ROOT = "/s2l/evalsets/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BuiltinEvalSets() {}

  public static EvalSetManifest manifest() {
    try (InputStream in = open(ROOT + "manifest.json")) {
      return JSON.readValue(in, EvalSetManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in evaluation set manifest", e);
    }
  }

  /** Set names in manifest order. */
  public static List<String> names() {
    return manifest().names();
  }

  /** The manifest entry of a set; IllegalArgumentException for an unknown name. */
  public static EvalSetManifest.Entry entry(String name) {
    return manifest().evalSets().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown evaluation set '" + name + "'"));
  }

  /** All examples of a set, in file order; IllegalArgumentException for an unknown name. */
  public static List<EvalExample> load(String name) {
    return JsonLinesResource.read(ROOT + entry(name).name() + ".jsonl.gz", EvalExample.class);
  }

  private static InputStream open(String path) {
    return JsonLinesResource.open(path);
  }
}
