package io.s2l.worker.trainers;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.corpus.ImageSet;
import io.s2l.corpus.upload.UploadedEvalSet;
import io.s2l.lm.eval.Evaluations;
import io.s2l.trainer.contract.Contract;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.training.CorpusCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The data files trainers read, shared by every run of a dataset and written once under {@code
 * <artifacts>/trainer-data/<dataset>/} (docs/trainer-contract.md section 2): {@code train.jsonl},
 * the training pool ({@code {"id","domain","text"}} documents of a text dataset, {@code
 * {"id","label","pixels"}} images of an image set), and {@code eval/<set>.jsonl} for every
 * evaluation set, with the examples in the order in which the built-in trainer evaluates and stores
 * them, so that an external run's losses line up with a built-in run's.
 */
@Component
public class TrainerData {

  static final String DIR = "trainer-data";
  static final String TRAIN_FILE = "train.jsonl";
  static final String IMAGE_PREFIX = "images/";
  static final String TEST_SUFFIX = "-test";

  private final Path root;
  private final CorpusCache corpus;
  private final Map<String, ImageSet> images = new ConcurrentHashMap<>();
  private final Map<String, EvalFile> evalFiles = new ConcurrentHashMap<>();

  public TrainerData(WorkerProperties properties, CorpusCache corpus) {
    this.root = properties.artifacts().toAbsolutePath().normalize().resolve(DIR);
    this.corpus = corpus;
  }

  /** The training pool of a text dataset: every training document of every domain. */
  public synchronized Path documents(String dataset) throws IOException {
    Path file = dir(dataset).resolve(TRAIN_FILE);
    Stream<DocumentLine> lines =
        corpus.trainDocuments(dataset).entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().stream().map(d -> new DocumentLine(d.id(), e.getKey(), d.text())));
    return JsonLinesFile.writeOnce(file, lines);
  }

  /** The training pool of an image set: its training images, pixels as the set's integers. */
  public synchronized Path images(String dataset) throws IOException {
    Path file = dir(dataset).resolve(TRAIN_FILE);
    ImageSet set = imageSet(dataset);
    int max = BuiltinImages.pixelMax(dataset);
    Stream<ImageLine> lines =
        IntStream.range(0, set.trainIds().size())
            .mapToObj(
                i ->
                    new ImageLine(
                        set.trainIds().get(i),
                        set.trainLabels()[i],
                        ints(set.trainPixels()[i], max)));
    return JsonLinesFile.writeOnce(file, lines);
  }

  /** A built-in image set, loaded once. */
  public ImageSet imageSet(String dataset) {
    return images.computeIfAbsent(dataset, BuiltinImages::load);
  }

  /**
   * An evaluation set of a job on {@code dataset}: held-out text ({@code heldout/<domain>}), a task
   * set (built-in or {@code upload/<id>}), or the test part of an image set ({@code
   * images/<set>-test}).
   */
  public synchronized EvalFile evalSet(String dataset, String name) throws IOException {
    EvalFile known = evalFiles.get(dataset + "\n" + name);
    if (known != null) {
      return known;
    }
    Path file =
        dir(dataset).resolve("eval").resolve(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".jsonl");
    List<Object> lines = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    EvalFile made;
    if (name.startsWith(BuiltinCorpus.HELDOUT_PREFIX)) {
      for (Document d : corpus.heldoutDocuments(dataset, name)) {
        String id = id(d.id(), name, ids.size());
        ids.add(id);
        lines.add(new TextLine(id, d.text()));
      }
      made = new EvalFile(name, Contract.TEXT, file, ids, Evaluations.MAX_TEXT_BYTES, null);
    } else if (name.startsWith(IMAGE_PREFIX)) {
      if (!name.equals(IMAGE_PREFIX + dataset + TEST_SUFFIX)) {
        throw new IllegalArgumentException("unknown evaluation set '" + name + "' for " + dataset);
      }
      ImageSet set = imageSet(dataset);
      int max = BuiltinImages.pixelMax(dataset);
      for (int i = 0; i < set.testIds().size(); i++) {
        ids.add(id(set.testIds().get(i), name, i));
        lines.add(new ImageLine(ids.get(i), set.testLabels()[i], ints(set.testPixels()[i], max)));
      }
      made = new EvalFile(name, Contract.IMAGE, file, ids, null, 1.0 / set.classes());
    } else {
      UploadedEvalSet set = corpus.task(name);
      for (EvalExample e : set.examples()) {
        String id = id(e.id(), name, ids.size());
        ids.add(id);
        lines.add(
            set.kind().equals(Contract.CHOICE)
                ? new ChoiceLine(id, e.prompt(), e.choices(), e.label())
                : new AnswerLine(id, e.prompt(), e.answer()));
      }
      made = new EvalFile(name, set.kind(), file, ids, null, set.chance());
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("evaluation set '" + name + "' has no examples");
    }
    JsonLinesFile.writeOnce(file, lines.stream());
    evalFiles.put(dataset + "\n" + name, made);
    return made;
  }

  private Path dir(String dataset) {
    if (!dataset.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException("dataset '" + dataset + "' is not a valid directory name");
    }
    return root.resolve(dataset);
  }

  /** An example's own id, or a stable one from the set's name and its position. */
  private static String id(String own, String set, int index) {
    return own != null && !own.isBlank() ? own : set + "-" + String.format("%06d", index);
  }

  private static int[] ints(float[] pixels, int max) {
    int[] values = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      values[i] = Math.round(pixels[i] * max);
    }
    return values;
  }

  record DocumentLine(String id, String domain, String text) {}

  record TextLine(String id, String text) {}

  record AnswerLine(String id, String prompt, String answer) {}

  record ChoiceLine(String id, String prompt, List<String> choices, Integer label) {}

  record ImageLine(String id, int label, int[] pixels) {}
}
