package io.s2l.featurize.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.Document;
import io.s2l.featurize.BlockProjection;
import io.s2l.featurize.FeatureFileWriter;
import io.s2l.featurize.Featurizer;
import io.s2l.featurize.GradientSource;
import io.s2l.featurize.LmExample;
import io.s2l.featurize.LmGradients;
import io.s2l.featurize.ParameterSlice;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.LmEngine;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The s2l side of benchmarks/lm-featurize/run.sh: TRAK features of pool documents of a byte-level
 * transformer (per-example gradients of the document loss, projected to k dimensions), streamed to
 * a feature file. Not a test: a main, never run by the build.
 *
 * <ul>
 *   <li>{@code prepare WORK DOCUMENTS TOKENS_PER_PARAM}: trains the largest scale of
 *       examples/demo-quick.json (d 48, 2 blocks, 4 heads, context 64) with LmTrainer on the
 *       built-in corpus (7 domains, equal weights, the demo's optimiser settings); writes its
 *       parameters (DJL's format, and raw float32 in layout order with a JSON layout for the python
 *       side) and DOCUMENTS training documents, taken from the domains in turn, each cut to its
 *       first 256 bytes as evaluation cuts text ({@code documents.bin}: int32 little-endian length,
 *       then the bytes).
 *   <li>{@code featurize WORK DIMENSION SEED BUDGET_MIB}: loads the model and the documents,
 *       featurises one chunk untimed (warm-up), then all documents into {@code features-s2l.f32},
 *       and prints one line {@code RESULT {json}}: documents/s, the part spent in gradients, the
 *       batch the memory budget gave, and the peak resident set size after 1,000 documents, half of
 *       them and all; on the way, every 1,000 documents, the resident set and its peak.
 * </ul>
 */
public final class LmFeaturizeBenchmark {

  static final ModelScale SCALE = new ModelScale("l", 48, 2, 4, 64);
  static final int MAX_BYTES = Evaluations.MAX_TEXT_BYTES;

  private LmFeaturizeBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && "prepare".equals(args[0])) {
      prepare(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
    } else if (args.length == 6 && "featurize".equals(args[0])) {
      featurize(
          Path.of(args[1]),
          Integer.parseInt(args[2]),
          Long.parseLong(args[3]),
          Long.parseLong(args[4]) << 20,
          Integer.parseInt(args[5]));
    } else {
      System.err.println(
          "usage: LmFeaturizeBenchmark prepare WORK DOCUMENTS TOKENS_PER_PARAM\n"
              + "       LmFeaturizeBenchmark featurize WORK DIMENSION SEED BUDGET_MIB BATCHES");
      System.exit(2);
    }
  }

  static void prepare(Path work, int documents, double tokensPerParam) throws IOException {
    Files.createDirectories(work);
    LmEngine.start(1);
    Map<String, DomainText> texts = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    List<List<Document>> byDomain = new ArrayList<>();
    for (String domain : BuiltinCorpus.manifest().domainNames()) {
      List<Document> docs = BuiltinCorpus.train(domain);
      texts.put(domain, DomainText.of(domain, docs));
      weights.put(domain, 1.0);
      byDomain.add(docs);
    }
    TrainingJobSpec job =
        new TrainingJobSpec(
            "builtin",
            SCALE,
            new MixtureSpec("uniform", weights),
            0,
            tokensPerParam,
            List.of(),
            new TrainingSettings(16, 3e-3, 0.05, null, null));
    try (TrainedModel model = LmTrainer.train(job, texts, (s, t, l) -> {})) {
      System.out.printf(
          Locale.ROOT,
          "trained %s: %d parameters, %d steps in %.1f s, final loss %.3f%n",
          SCALE.name(),
          model.stats().totalParams(),
          model.stats().steps(),
          model.stats().wallSeconds(),
          model.stats().finalLoss());
      try (DataOutputStream out = output(work.resolve("model.params"))) {
        model.network().saveParameters(out);
      }
      writeRawParameters(model, work);
    }
    int written = 0;
    try (DataOutputStream out = output(work.resolve("documents.bin"))) {
      for (int i = 0; written < documents; i++) {
        boolean any = false;
        for (List<Document> docs : byDomain) {
          if (i < docs.size() && written < documents) {
            byte[] bytes = docs.get(i).text().getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= 2) {
              int kept = Math.min(bytes.length, MAX_BYTES);
              out.writeInt(Integer.reverseBytes(kept));
              out.write(bytes, 0, kept);
              written++;
            }
            any = true;
          }
        }
        if (!any) {
          throw new IllegalArgumentException(
              "the corpus has fewer than " + documents + " documents");
        }
      }
    }
    System.out.printf(Locale.ROOT, "wrote %d documents to %s%n", written, work);
  }

  /** params.f32 (every parameter, layout order, row-major) and params.json (names, shapes). */
  private static void writeRawParameters(TrainedModel model, Path work) throws IOException {
    LmGradients gradients = LmGradients.of(model);
    StringBuilder json = new StringBuilder("[");
    try (DataOutputStream out = output(work.resolve("params.f32"))) {
      for (ParameterSlice slice : gradients.layout()) {
        float[] values =
            model.network().getParameters().get(slice.name()).getArray().toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
        json.append(json.length() > 1 ? ", " : "")
            .append("{\"name\": \"")
            .append(slice.name())
            .append("\", \"shape\": ")
            .append(java.util.Arrays.toString(slice.shape().getShape()))
            .append('}');
      }
    }
    Files.writeString(work.resolve("params.json"), json.append("]\n").toString());
  }

  static void featurize(Path work, int dimension, long seed, long budgetBytes, int batches)
      throws Exception {
    LmEngine.start(1);
    List<LmExample> documents = readDocuments(work.resolve("documents.bin"));
    try (TrainedModel model = load(work.resolve("model.params"))) {
      LmGradients gradients = LmGradients.of(model);
      int batch = gradients.chunkSize(documents, budgetBytes);
      int chunk = batch * batches;
      BlockProjection projection = new BlockProjection(gradients.parameterCount(), dimension, seed);
      Featurizer featurizer = new Featurizer(projection, chunk);
      // one untimed chunk: the JIT compiles the Java side, as python's first call warms up
      featurizer.featurize(gradients.source(documents.subList(0, chunk), batch));
      long[] gradientNanos = {0};
      GradientSource timed = timed(gradients.source(documents, batch), gradientNanos);
      double[] peakAt1000 = {Double.NaN};
      double[] peakAtHalf = {Double.NaN};
      int half = documents.size() / 2;
      Path file = work.resolve("features-s2l.f32");
      long started = System.nanoTime();
      try (FeatureFileWriter writer = FeatureFileWriter.create(file, documents.size(), dimension)) {
        featurizer.featurize(
            timed,
            (first, rows, features) -> {
              writer.accept(first, rows, features);
              if (first < 1000 && first + rows >= 1000) {
                peakAt1000[0] = peakRssMib();
              }
              if (first < half && first + rows >= half) {
                peakAtHalf[0] = peakRssMib();
              }
              if ((first + rows) / 1000 > first / 1000) {
                System.out.printf(
                    Locale.ROOT,
                    "s2l: %d documents, resident %.1f MiB, peak %.1f MiB%n",
                    first + rows,
                    status("VmRSS:"),
                    peakRssMib());
              }
            });
        writer.commit();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.println(
          String.format(
              Locale.ROOT,
              "RESULT {\"side\": \"s2l\", \"documents\": %d, \"parameters\": %d, \"dimension\": %d,"
                  + " \"batch\": %d, \"chunk\": %d, \"seconds\": %.3f, \"gradient_seconds\": %.3f,"
                  + " \"documents_per_second\": %.2f, \"peak_rss_mib_1000\": %.1f,"
                  + " \"peak_rss_mib_half\": %.1f, \"peak_rss_mib\": %.1f,"
                  + " \"estimated_batch_mib\": %.1f}",
              documents.size(),
              gradients.parameterCount(),
              dimension,
              batch,
              chunk,
              seconds,
              gradientNanos[0] / 1e9,
              documents.size() / seconds,
              peakAt1000[0],
              peakAtHalf[0],
              peakRssMib(),
              batch * gradients.bytesPerExample(4, SCALE.context()) / 1048576.0));
    }
  }

  private static GradientSource timed(GradientSource source, long[] nanos) {
    return new GradientSource() {
      @Override
      public int size() {
        return source.size();
      }

      @Override
      public int parameterCount() {
        return source.parameterCount();
      }

      @Override
      public NDArray gradients(NDManager manager, int from, int to) {
        long t0 = System.nanoTime();
        NDArray g = source.gradients(manager, from, to);
        nanos[0] += System.nanoTime() - t0;
        return g;
      }
    };
  }

  private static TrainedModel load(Path params) throws Exception {
    TransformerLm network = new TransformerLm(SCALE);
    Model model = Model.newInstance("lm-" + SCALE.name());
    model.setBlock(network);
    network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, SCALE.context()));
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      network.loadParameters(model.getNDManager(), in);
    }
    return new TrainedModel(model, network, null);
  }

  private static List<LmExample> readDocuments(Path file) throws IOException {
    List<LmExample> documents = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (in.available() > 0) {
        byte[] bytes = new byte[Integer.reverseBytes(in.readInt())];
        in.readFully(bytes);
        documents.add(LmExample.document(bytes, MAX_BYTES));
      }
    }
    return documents;
  }

  /** VmHWM of this process, in MiB. */
  static double peakRssMib() {
    return status("VmHWM:");
  }

  /** A memory line of /proc/self/status, in MiB. */
  static double status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Double.NaN;
  }

  private static DataOutputStream output(Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
  }
}
