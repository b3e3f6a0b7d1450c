package io.s2l.worker.features;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.classifier.ClassifierEvaluation;
import io.s2l.classifier.ClassifierScale;
import io.s2l.classifier.ImageClassifier;
import io.s2l.classifier.TrainedClassifier;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.ImageSet;
import io.s2l.featurize.BlockProjection;
import io.s2l.featurize.FeatureFileWriter;
import io.s2l.featurize.Featurizer;
import io.s2l.featurize.GradientSource;
import io.s2l.featurize.PerExampleGradients;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.worker.config.WorkerProperties;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a featurisation job: loads a trained image classifier from the artifact store, computes the
 * per-example gradients of its output function over the pool or the test set, projects them to k
 * dimensions with the seeded block-wise projection, writes the n x k features next to the model
 * (and the model output function on the same examples, for TRAK's Q term) and records them (and
 * completes the job) in one transaction. A language model's job goes to {@link LmFeatures}.
 */
@Component
class FeaturizeJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(FeaturizeJobHandler.class);
  private static final int CHUNK = 128;

  private final ObjectMapper json;
  private final FeatureStore store;
  private final WorkerProperties properties;
  private final Map<String, ImageSet> images = new ConcurrentHashMap<>();

  private final LmFeatures languageModels;

  FeaturizeJobHandler(
      ObjectMapper json,
      FeatureStore store,
      WorkerProperties properties,
      LmFeatures languageModels) {
    this.languageModels = languageModels;
    this.json = json;
    this.store = store;
    this.properties = properties;
  }

  @Override
  public String kind() {
    return JobKinds.FEATURIZE;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    FeaturizeJobSpec spec = json.readValue(job.payloadJson(), FeaturizeJobSpec.class);
    if (spec.scale().languageModelFamily()) {
      languageModels.featurise(spec, job, context);
      return;
    }
    if (spec.checkpoint() != null) {
      throw new IllegalArgumentException(
          "image classifiers keep no snapshots: checkpoint " + spec.checkpoint());
    }
    String modelPath = store.modelPath(spec.studyId(), spec.runKey());
    ImageSet data = images.computeIfAbsent(spec.dataset(), BuiltinImages::load);
    boolean train = FeaturizeJobSpec.TRAIN.equals(spec.examples());
    float[][] pixels = train ? data.trainPixels() : data.testPixels();
    int[] labels = train ? data.trainLabels() : data.testLabels();
    try (TrainedClassifier model = load(spec, data, properties.artifacts().resolve(modelPath))) {
      PerExampleGradients gradients = PerExampleGradients.of(model);
      GradientSource source = gradients.over(pixels, labels);
      BlockProjection projection =
          new BlockProjection(gradients.parameterCount(), spec.dimension(), spec.projectionSeed());
      Path directory = Path.of(modelPath).getParent();
      FeatureFiles.deleteTemporaries(properties.artifacts().resolve(directory), spec);
      String relative = directory.resolve(FeatureFiles.name(spec, job.attempt())).toString();
      try (FeatureFileWriter out =
          FeatureFileWriter.create(
              properties.artifacts().resolve(relative), source.size(), spec.dimension())) {
        new Featurizer(projection, CHUNK)
            .featurize(
                source,
                (firstRow, rows, features) -> {
                  out.accept(firstRow, rows, features);
                  context.progress((double) (firstRow + rows) / source.size());
                  context.checkLease();
                });
        out.commit();
      }
      String margins = relative.replace(".f32", "-margins.f32");
      FeatureFiles.writeMargins(
          properties.artifacts().resolve(margins),
          ClassifierEvaluation.evaluate(model, pixels, labels, CHUNK).margins());
      store.recordAndComplete(
          spec, source.size(), gradients.parameterCount(), relative, margins, job);
      log.info(
          "job {}: {} x {} features of {} ({} parameters) written to {}",
          job.id(),
          source.size(),
          spec.dimension(),
          spec.runKey(),
          gradients.parameterCount(),
          relative);
    }
  }

  private static TrainedClassifier load(FeaturizeJobSpec spec, ImageSet data, Path params)
      throws IOException, MalformedModelException {
    ClassifierScale scale =
        new ClassifierScale(
            spec.scale().name(),
            spec.scale().familyOrDefault(),
            spec.scale().width(),
            spec.scale().depth());
    ImageClassifier network =
        new ImageClassifier(scale, data.height(), data.width(), data.channels(), data.classes());
    Model model = Model.newInstance("features-" + scale.name());
    model.setBlock(network);
    network.initialize(model.getNDManager(), DataType.FLOAT32, network.inputShape(1));
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      network.loadParameters(model.getNDManager(), in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw e;
    }
    return new TrainedClassifier(model, network, null);
  }
}
