package io.s2l.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.Document;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.SelectionSpec;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.study.VerifyJobSpec;
import io.s2l.testsupport.web.AdminKeyClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A text study's attribution and selection (and, for comparison, an image study's), analysed by the
 * queued jobs from the rows and feature files a trainer worker writes. The text study: 40 built-in
 * corpus documents as the pool, the quiz set as targets, two scales of one model with two
 * checkpoints each, ten ground-truth subsets (with the LASSO check), a sweep over two selection
 * sizes verified with two seeds.
 *
 * <p>The data is planted: the target outputs of a model trained on subset S are {@code c + sum_{i
 * in S} tau(z)_i} with tau the TRAK scores of the reference's features, so the reference's LDS is
 * near 1 and the noisier proxy's lower; a verification model's loss on target z falls with the mean
 * tau of its documents, so DsDm beats random.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"s2l.queue.idle-poll=100ms"})
class TextAttributionIT {

  static final Path ARTIFACTS;

  static {
    try {
      ARTIFACTS = Files.createTempDirectory("s2l-text-attribution");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final int POOL = 40;
  static final int K = 8;
  static final long PROJECTION_SEED = 3;
  static final String TARGET_SET = "quiz";
  static final int TARGETS = 512;
  static final int SUBSETS = 10;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TrainingTables.registerDatabase(registry);
    registry.add("s2l.analysis.artifacts", ARTIFACTS::toString);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;

  @Test
  void aTextStudyIsAttributedSelectedAndVerified() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingTables tables = new TrainingTables(jdbc, json, ARTIFACTS);
    String domain = BuiltinCorpus.manifest().domainNames().get(0);
    List<String> pool =
        BuiltinCorpus.train(domain).subList(0, POOL).stream().map(Document::id).toList();
    Random r = new Random(17);
    float[][] phi = gaussian(r, POOL, K, 1.0);
    float[] mu = gaussian(r, 1, K, 1.0)[0];
    float[][] psi = gaussian(r, TARGETS, K, 0.5);
    for (float[] row : psi) {
      for (int j = 0; j < K; j++) {
        row[j] += mu[j];
      }
    }
    double[][] tau = trak(phi, psi);
    double c = -2.0;

    ModelScale s = new ModelScale("s", 16, 1, 2, 64, "transformer");
    ModelScale m = new ModelScale("m", 32, 2, 2, 64, "transformer");
    Map<String, Double> flops = Map.of("s", 1e9, "m", 1.6e10);
    boolean[] all = new boolean[POOL];
    java.util.Arrays.fill(all, true);
    for (ModelScale scale : List.of(s, m)) {
      TrainingJobSpec job = job(scale, new MixtureSpec(AttributionSpec.POOL, null, pool), 0);
      long run = tables.run(study, job, flops.get(scale.name()));
      double[] o = outputs(tau, all, c, r, 0.0);
      tables.eval(run, TARGET_SET, negated(o), null, o);
      double noise = scale == s ? 1.5 : 0.0;
      float[][] pf = plus(phi, gaussian(r, POOL, K, noise));
      for (int checkpoint = 0; checkpoint < 2; checkpoint++) {
        float[][] ckpt = checkpoint == 0 ? pf : plus(pf, gaussian(r, POOL, K, 0.05));
        float[] poolMargins = new float[POOL];
        tables.features(
            study, job.key(), "train", K, PROJECTION_SEED, checkpoint, ckpt, poolMargins);
        tables.features(study, job.key(), "test", K, PROJECTION_SEED, checkpoint, psi, null);
      }
    }
    List<String> groundTruth = new ArrayList<>();
    for (int j = 0; j < SUBSETS; j++) {
      int[] chosen = io.s2l.attribution.Baselines.random(POOL, POOL / 2, 100 + j);
      List<String> ids = new ArrayList<>();
      boolean[] in = new boolean[POOL];
      for (int i : chosen) {
        ids.add(pool.get(i));
        in[i] = true;
      }
      TrainingJobSpec job = job(m, new MixtureSpec("subset-" + j, null, ids), 0);
      long run = tables.run(study, job, flops.get("m"));
      // first another evaluation set's outputs, which the ground truth must not take
      double[] decoy = new double[TARGETS];
      for (int z = 0; z < TARGETS; z++) {
        decoy[z] = r.nextGaussian();
      }
      tables.eval(run, "cloze", negated(decoy), null, decoy);
      double[] o = outputs(tau, in, c, r, 0.01);
      tables.eval(run, TARGET_SET, negated(o), null, o);
      groundTruth.add(job.key());
    }

    AttributionSpec settings =
        new AttributionSpec(1, K, PROJECTION_SEED, null, null, 6, true, 2, TARGET_SET, null, null);
    SelectionSpec selection = new SelectionSpec(null, null, 2, 5L, List.of(10, 20));
    AttributionJobSpec spec =
        new AttributionJobSpec(
            study,
            BuiltinCorpus.DATASET,
            "m",
            List.of("s", "m"),
            groundTruth,
            settings,
            selection,
            List.of(0L, 1L));
    enqueue(
        new NewJob(
            study, JobKinds.ATTRIBUTE, "attribution", json.writeValueAsString(spec), 1, false, 0));

    JsonNode doc = await("/api/v1/studies/" + study + "/attribution");
    assertThat(doc.get("targetSet").asText()).isEqualTo(TARGET_SET);
    assertThat(doc.get("pool").asInt()).isEqualTo(POOL);
    assertThat(doc.get("targets").asInt()).isEqualTo(TARGETS);
    assertThat(doc.at("/settings/checkpoints").asInt()).isEqualTo(2);
    JsonNode proxy = doc.at("/lds/0");
    JsonNode reference = doc.at("/lds/1");
    assertThat(reference.get("lds").asDouble()).isGreaterThan(0.9);
    assertThat(proxy.get("lds").asDouble()).isLessThan(reference.get("lds").asDouble());
    assertThat(proxy.get("checkpoints").asInt()).isEqualTo(2);
    double paired = proxy.get("pairedDifference").asDouble();
    assertThat(paired)
        .isCloseTo(
            proxy.get("lds").asDouble() - reference.get("lds").asDouble(),
            org.assertj.core.data.Offset.offset(0.05));
    assertThat(proxy.at("/pairedCi95/1").asDouble()).isLessThan(0);
    assertThat(reference.get("pairedDifference").asDouble()).isZero();
    assertThat(reference.get("heldOutLds").asDouble()).isGreaterThan(0.9);
    assertThat(doc.at("/lasso/scoredOnSubsets").asInt()).isEqualTo(SUBSETS / 2);
    double againstLasso = reference.get("heldOutMinusLasso").asDouble();
    assertThat(againstLasso)
        .isCloseTo(
            reference.get("heldOutLds").asDouble() - doc.at("/lasso/lds").asDouble(),
            org.assertj.core.data.Offset.offset(0.05));
    assertThat(reference.at("/heldOutMinusLassoCi95/0").asDouble())
        .isLessThanOrEqualTo(againstLasso);
    assertThat(reference.at("/heldOutMinusLassoCi95/1").asDouble())
        .isGreaterThanOrEqualTo(againstLasso);
    JsonNode top = doc.get("topDocuments");
    assertThat(top).hasSize(3 * 2);
    assertThat(top.at("/0/helpful")).hasSize(3);
    assertThat(top.at("/0/helpful/0/excerpt").asText().length()).isBetween(1, 200);
    assertThat(pool).contains(top.at("/0/helpful/0/id").asText());
    assertThat(top.at("/0/targetExcerpt").asText()).startsWith("Q:");

    JsonNode target =
        http.getForObject(
            "/api/v1/studies/" + study + "/attribution/targets/1?scale=m&count=4", JsonNode.class);
    assertThat(target.get("target").isNull()).isTrue();
    assertThat(target.get("helpful")).isEmpty();
    assertThat(target.at("/documents/helpful")).hasSize(4);
    assertThat(target.at("/documents/target").asInt()).isEqualTo(1);

    JsonNode plan = doc.get("selection");
    assertThat(plan.get("sizes")).hasSize(2);
    assertThat(plan.get("candidates")).hasSize(2 * (2 + 1 + 2));
    Map<String, double[]> meanTau = new HashMap<>();
    List<TrainingJobSpec> verification = new ArrayList<>();
    for (String payload : queuedTraining(study)) {
      verification.add(json.readValue(payload, TrainingJobSpec.class));
    }
    assertThat(verification).hasSize(2 * 5 * 2);
    for (TrainingJobSpec job : verification) {
      assertThat(job.evalSets()).contains(TARGET_SET);
      boolean[] in = new boolean[POOL];
      for (String id : job.distribution().subset()) {
        in[pool.indexOf(id)] = true;
      }
      long run = tables.run(study, job, flops.get("m"));
      double[] losses = new double[TARGETS];
      for (int z = 0; z < TARGETS; z++) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < POOL; i++) {
          if (in[i]) {
            sum += tau[z][i];
            count++;
          }
        }
        losses[z] = 2.5 - 3 * sum / count + 0.005 * job.seed() + 0.02 * r.nextGaussian();
      }
      tables.eval(run, TARGET_SET, losses, null, negated(losses));
    }
    JsonNode verified = verify(study);
    assertThat(verified.get("targetSet").asText()).isEqualTo(TARGET_SET);
    assertThat(verified.get("randomBySize")).hasSize(2);
    assertThat(verified.at("/randomBySize/1/size").asInt()).isEqualTo(20);
    assertThat(verified.get("entries")).hasSize(2 * 3);
    for (JsonNode e : verified.get("entries")) {
      assertThat(e.get("verifiedAccuracy").isNull()).isTrue();
      assertThat(e.get("models").asInt()).isEqualTo(2);
      double gain = e.get("gainOverRandom").asDouble();
      assertThat(e.at("/ci95/0").asDouble()).isLessThanOrEqualTo(gain);
      assertThat(e.at("/ci95/1").asDouble()).isGreaterThanOrEqualTo(gain);
      if (e.get("method").asText().equals("dsdm") && e.get("proxyScale").asText().equals("m")) {
        assertThat(e.at("/ci95/0").asDouble()).as("DsDm with the reference").isPositive();
        assertThat(e.get("predictedLoss").isNumber()).isTrue();
      }
    }
    ResponseEntity<String> svg =
        http.getForEntity("/api/v1/studies/" + study + "/selection/gain.svg", String.class);
    assertThat(svg.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(svg.getBody()).contains("DsDm (proxy s)").contains("similarity");
  }

  @Test
  void anImageStudyIsStillAttributedAndVerifiedOnItsTestSet() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingTables tables = new TrainingTables(jdbc, json, ARTIFACTS);
    io.s2l.corpus.ImageSet images = io.s2l.corpus.BuiltinImages.load("digits");
    String testSet = "images/digits-test";
    int n = images.trainIds().size();
    int tests = images.testIds().size();
    Random r = new Random(29);
    float[][] phi = gaussian(r, n, K, 1.0);
    float[][] psi = gaussian(r, tests, K, 1.0);
    double[][] tau = trak(phi, psi);
    ModelScale m = new ModelScale("m", 32, 2, null, null, "mlp");
    TrainingJobSpec poolJob =
        new TrainingJobSpec(
            "digits",
            m,
            new MixtureSpec(AttributionSpec.POOL, null, images.trainIds()),
            0,
            null,
            List.of(testSet),
            TrainingSettings.DEFAULTS.withDefaults());
    long poolRun = tables.run(study, poolJob, 1e9);
    boolean[] all = new boolean[n];
    java.util.Arrays.fill(all, true);
    double[] o = outputs(tau, all, 0, r, 0);
    tables.eval(poolRun, testSet, negated(o), correct(o), o);
    tables.features(study, poolJob.key(), "train", K, PROJECTION_SEED, 0, phi, new float[n]);
    tables.features(study, poolJob.key(), "test", K, PROJECTION_SEED, 0, psi, null);
    List<String> groundTruth = new ArrayList<>();
    for (int j = 0; j < 5; j++) {
      int[] chosen = io.s2l.attribution.Baselines.random(n, n / 2, 200 + j);
      boolean[] in = new boolean[n];
      List<String> ids = new ArrayList<>();
      for (int i : chosen) {
        in[i] = true;
        ids.add(images.trainIds().get(i));
      }
      TrainingJobSpec job =
          new TrainingJobSpec(
              "digits",
              m,
              new MixtureSpec("subset-" + j, null, ids),
              0,
              null,
              List.of(testSet),
              TrainingSettings.DEFAULTS.withDefaults());
      double[] out = outputs(tau, in, 0, r, 0.001);
      tables.eval(tables.run(study, job, 1e9), testSet, negated(out), correct(out), out);
      groundTruth.add(job.key());
    }
    AttributionJobSpec spec =
        new AttributionJobSpec(
            study,
            "digits",
            "m",
            List.of("m"),
            groundTruth,
            new AttributionSpec(1, K, PROJECTION_SEED, null, null, null, null),
            new SelectionSpec(50, List.of(3), 1, null),
            List.of(0L));
    enqueue(
        new NewJob(
            study, JobKinds.ATTRIBUTE, "attribution", json.writeValueAsString(spec), 1, false, 0));
    JsonNode doc = await("/api/v1/studies/" + study + "/attribution");
    assertThat(doc.get("targetSet").isNull()).isTrue();
    assertThat(doc.get("topDocuments").isNull()).isTrue();
    assertThat(doc.at("/lds/0/lds").asDouble()).isGreaterThan(0.9);
    assertThat(doc.at("/selection/candidates")).hasSize(3);
    JsonNode target =
        http.getForObject(
            "/api/v1/studies/" + study + "/attribution/targets/0?count=2", JsonNode.class);
    assertThat(target.at("/target/label").asInt()).isEqualTo(3);
    assertThat(target.get("helpful")).hasSize(2);
    assertThat(target.get("documents").isNull()).isTrue();
    for (String payload : queuedTraining(study)) {
      TrainingJobSpec job = json.readValue(payload, TrainingJobSpec.class);
      double[] losses = new double[tests];
      for (int z = 0; z < tests; z++) {
        losses[z] = 0.5 + 0.1 * r.nextGaussian();
      }
      tables.eval(tables.run(study, job, 1e9), testSet, losses, correct(negated(losses)), null);
    }
    JsonNode verified = verify(study);
    assertThat(verified.get("entries")).hasSize(2);
    assertThat(verified.at("/entries/0/verifiedAccuracy").isNumber()).isTrue();
    assertThat(verified.at("/entries/0/accuracyCi95")).hasSize(2);
    assertThat(verified.at("/random/accuracy").isNumber()).isTrue();
    long threes = java.util.Arrays.stream(images.testLabels()).filter(label -> label == 3).count();
    assertThat(verified.get("holdoutTargets").asLong()).isEqualTo(threes / 2);
  }

  /** Right where the output (a margin) is positive. */
  private static Boolean[] correct(double[] outputs) {
    Boolean[] right = new Boolean[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      right[i] = outputs[i] > 0;
    }
    return right;
  }

  /** Queues the selection's verification and waits for its result. */
  private JsonNode verify(UUID study) throws Exception {
    enqueue(
        new NewJob(
            study,
            JobKinds.VERIFY,
            "verify",
            json.writeValueAsString(new VerifyJobSpec(study, VerifyJobSpec.SELECTION)),
            1,
            false,
            0));
    return await("/api/v1/studies/" + study + "/selection");
  }

  /** Payloads of the training jobs the analysis queued. */
  private List<String> queuedTraining(UUID study) {
    return jdbc.queryForList(
        "SELECT payload::text FROM queue.job WHERE study_id = ? AND kind = ?",
        String.class,
        study,
        JobKinds.TRAIN);
  }

  private void enqueue(NewJob job) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(job));
    }
  }

  private JsonNode await(String path) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      ResponseEntity<JsonNode> r = http.getForEntity(path, JsonNode.class);
      if (r.getStatusCode() == HttpStatus.OK) {
        return r.getBody();
      }
      Thread.sleep(200);
    }
    String errors =
        String.join(
            "; ",
            jdbc.queryForList(
                "SELECT coalesce(last_error, state) FROM queue.job WHERE kind IN (?, ?)",
                String.class,
                JobKinds.ATTRIBUTE,
                JobKinds.VERIFY));
    throw new AssertionError("nothing at " + path + "; jobs: " + errors);
  }

  private static TrainingJobSpec job(ModelScale scale, MixtureSpec distribution, long seed) {
    return new TrainingJobSpec(
        BuiltinCorpus.DATASET,
        scale,
        distribution,
        seed,
        20.0,
        List.of(TARGET_SET),
        TrainingSettings.DEFAULTS.withDefaults());
  }

  /** o(z) = c + sum_{i in S} tau(z)_i + noise. */
  private static double[] outputs(double[][] tau, boolean[] in, double c, Random r, double noise) {
    double[] o = new double[tau.length];
    for (int z = 0; z < o.length; z++) {
      o[z] = c + noise * r.nextGaussian();
      for (int i = 0; i < in.length; i++) {
        if (in[i]) {
          o[z] += tau[z][i];
        }
      }
    }
    return o;
  }

  /** TRAK without ridge: psi (Phi^T Phi)^-1 Phi^T, solved by Gauss-Jordan elimination. */
  static double[][] trak(float[][] phi, float[][] psi) {
    int n = phi.length;
    int k = phi[0].length;
    double[][] a = new double[k][k + n]; // [Phi^T Phi | Phi^T]
    for (int p = 0; p < k; p++) {
      for (int q = 0; q < k; q++) {
        for (int i = 0; i < n; i++) {
          a[p][q] += (double) phi[i][p] * phi[i][q];
        }
      }
      for (int i = 0; i < n; i++) {
        a[p][k + i] = phi[i][p];
      }
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int row = col + 1; row < k; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      double d = a[col][col];
      for (int j = 0; j < k + n; j++) {
        a[col][j] /= d;
      }
      for (int row = 0; row < k; row++) {
        if (row != col) {
          double f = a[row][col];
          for (int j = 0; j < k + n; j++) {
            a[row][j] -= f * a[col][j];
          }
        }
      }
    }
    double[][] tau = new double[psi.length][n];
    for (int z = 0; z < psi.length; z++) {
      for (int i = 0; i < n; i++) {
        for (int p = 0; p < k; p++) {
          tau[z][i] += psi[z][p] * a[p][k + i];
        }
      }
    }
    return tau;
  }

  private static float[][] gaussian(Random r, int rows, int cols, double sd) {
    float[][] x = new float[rows][cols];
    for (float[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) (sd * r.nextGaussian());
      }
    }
    return x;
  }

  private static float[][] plus(float[][] a, float[][] b) {
    float[][] x = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      x[i] = a[i].clone();
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] += b[i][j];
      }
    }
    return x;
  }

  private static double[] negated(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }
}
