package io.s2l.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.BuiltinImages;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A zombie: an attempt whose worker was cut off from the database, whose lease ran out and whose
 * job a second attempt then completed, trains on unaware (its lease checks cannot reach the
 * database to learn otherwise) and writes its files. The real handlers run both attempts: the
 * zombie's files go beside the published ones, never over them, and its completion is refused, so
 * neither what the run (or the features) row names nor the bytes there change.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "s2l.queue.idle-poll=100ms",
      "s2l.queue.lease=20s",
      "spring.datasource.hikari.connection-timeout=5000",
      "s2l.worker.artifacts=target/zombie-artifacts"
    })
class ZombieAttemptIT {

  private static final Path ARTIFACTS = Path.of("target/zombie-artifacts");

  /** What a partitioned worker sees: its lease checks raise nothing, so it goes on. */
  private static final JobContext UNAWARE =
      new JobContext() {
        @Override
        public void progress(double fraction) {}

        @Override
        public void checkLease() {}
      };

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
  }

  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired List<JobHandler> handlers;

  @Test
  void aZombieAttemptNeitherRepublishesNorOverwritesTheModelOrTheFeaturesOfTheRetry()
      throws Exception {
    UUID study = UUID.randomUUID();
    List<String> pool = BuiltinImages.load("digits").trainIds().subList(0, 200);
    TrainingJobSpec spec =
        new TrainingJobSpec(
            "digits",
            new ModelScale("mlp-8", 8, 1, null, null, "mlp"),
            new MixtureSpec("subset-0", null, pool),
            1,
            null,
            List.of("images/digits-test"),
            new TrainingSettings(32, 3e-3, 0.05, 0.01, 1.0, "cpu", 2));
    String key = "mlp-8/subset-0/1";
    enqueue(study, JobKinds.TRAIN, key, json.writeValueAsString(spec));
    String model =
        race(JobKinds.TRAIN, "SELECT model_path FROM training.run WHERE study_id = ?", study);
    assertThat(model).endsWith("/attempt-2/model.params");

    FeaturizeJobSpec features =
        new FeaturizeJobSpec(study, key, "digits", spec.scale(), "test", 16, 7);
    enqueue(study, JobKinds.FEATURIZE, features.key(), json.writeValueAsString(features));
    String featureFile =
        race(JobKinds.FEATURIZE, "SELECT path FROM training.features WHERE study_id = ?", study);
    assertThat(featureFile).endsWith("-attempt2.f32").startsWith(Path.of(model).getParent() + "/");
  }

  /**
   * Runs one job of {@code kind} as a zombie attempt 1 and a completing attempt 2 and returns the
   * path {@code publishedPath} reads once attempt 2 completed, checked unchanged by the zombie.
   */
  private String race(String kind, String publishedPath, UUID study) throws Exception {
    JobHandler handler = handlers.stream().filter(h -> h.kind().equals(kind)).findFirst().get();
    ClaimedJob zombie = claim(kind, "partitioned-worker");
    // its heartbeats no longer reach the database: the lease runs out and the job is rescued
    jdbc.update(
        "UPDATE queue.job SET lease_expires_at = now() - interval '1 minute' WHERE id = ?",
        zombie.id());
    queue.rescueExpired(); // unless the worker's own loop did already
    ClaimedJob retry = claim(kind, "healthy-worker");
    assertThat(retry.attempt()).isEqualTo(2);

    handler.handle(retry, UNAWARE);
    String published = jdbc.queryForObject(publishedPath, String.class, study);
    Path file = ARTIFACTS.resolve(published);
    String digest = sha256(file);
    Object identity = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    // refused: its completion is fenced by attempt (or its run collides with the stored one)
    assertThatThrownBy(() -> handler.handle(zombie, UNAWARE))
        .isInstanceOfAny(LeaseLostException.class, IllegalStateException.class);

    assertThat(jdbc.queryForList(publishedPath, String.class, study)).containsExactly(published);
    assertThat(sha256(file)).isEqualTo(digest);
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
        .as("the published file is the one attempt 2 wrote, not replaced")
        .isEqualTo(identity);
    return published;
  }

  private ClaimedJob claim(String kind, String owner) throws Exception {
    return queue.claim(List.of(kind), owner, Duration.ofSeconds(20)).orElseThrow();
  }

  /**
   * Queues a job whose memory requirement no real worker meets: the worker's own loop leaves it to
   * the test, which claims it as a worker of unbounded memory.
   */
  private void enqueue(UUID study, String kind, String key, String payload) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c, List.of(new NewJob(study, kind, key, payload, 3, false, Long.MAX_VALUE / 2)));
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
