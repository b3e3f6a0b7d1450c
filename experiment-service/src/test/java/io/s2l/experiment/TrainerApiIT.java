package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.trainer.TrainerView;
import io.s2l.client.S2lClient;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The trainer registry and the studies that name its trainers, on the real database: what a study
 * queues carries the registration as it was at submission, with the kind, GPU and memory it asks.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainerApiIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  static String trainer(String name, String program, boolean gpu, long memory, String k8s) {
    return """
        {"name": "%s", "command": ["%s", "--spec-last"], "families": ["lm"], "gpu": %s,
         "memoryBytes": %d, "silenceSeconds": 120, "kubernetes": %s}
        """
        .formatted(name, program, gpu, memory, k8s);
  }

  private ResponseEntity<JsonNode> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aRegistrationIsCreatedOnceRepeatedIdempotentlyAndNeverChangedInPlace() {
    String body = trainer("local-a", "/opt/train", false, 0, "null");
    ResponseEntity<JsonNode> created = post("/api/v1/trainers", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/trainers/local-a");
    assertThat(created.getBody().get("silenceSeconds").asInt()).isEqualTo(120);

    ResponseEntity<JsonNode> again = post("/api/v1/trainers", body.replace("\n", " "));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).isEqualTo(created.getBody());

    ResponseEntity<JsonNode> other =
        post("/api/v1/trainers", trainer("local-a", "/opt/other", false, 0, "null"));
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(other.getHeaders().getContentType().toString()).contains("problem+json");

    JsonNode fetched = http.getForObject("/api/v1/trainers/local-a", JsonNode.class);
    assertThat(fetched.at("/command/0").asText()).isEqualTo("/opt/train");
    JsonNode page = http.getForObject("/api/v1/trainers?size=1", JsonNode.class);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);

    http.delete("/api/v1/trainers/local-a");
    assertThat(http.getForEntity("/api/v1/trainers/local-a", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> deletedAgain =
        http.exchange("/api/v1/trainers/local-a", HttpMethod.DELETE, null, JsonNode.class);
    assertThat(deletedAgain.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theClientReadsAKubernetesTrainerAsTheServiceServesIt() {
    S2lClient client = new S2lClient(http.getRootUri(), http.getRootUri(), TestKeys.ADMIN);
    String target =
        "{\"image\": \"registry.example/s2l/pytorch:2\", \"gpus\": 2, \"queueName\": \"a100\"}";
    TrainerView registered =
        client.trainers().register(trainer("cluster-read", "/opt/torch", true, 0, target));

    assertThat(registered.kubernetes())
        .isEqualTo(new TrainerView.KubernetesTarget("registry.example/s2l/pytorch:2", 2, "a100"));
    assertThat(registered.command()).containsExactly("/opt/torch", "--spec-last");
    assertThat(registered.createdAt()).isNotNull();
    assertThat(client.trainers().get("cluster-read")).isEqualTo(registered);
    assertThat(client.trainers().list()).contains(registered);
    client.trainers().remove("cluster-read");
  }

  @Test
  void aRegistrationOutOfBoundsIsRefusedNamingEachFieldAndNothingIsStored() {
    String body =
        """
        {"name": "djl", "command": ["python3", "a\\nb"], "families": ["lm", "rnn"],
         "memoryBytes": -1, "silenceSeconds": 5,
         "kubernetes": {"image": "", "gpus": 17, "queueName": "Not_A_Label"}}
        """;
    ResponseEntity<JsonNode> refused = post("/api/v1/trainers", body);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactly(
            "name",
            "command[0]",
            "command[1]",
            "families[1]",
            "memoryBytes",
            "silenceSeconds",
            "kubernetes.image",
            "kubernetes.gpus",
            "kubernetes.queueName");
    assertThat(refused.getBody().get("detail").asText())
        .contains("silenceSeconds: must be between 10 and 86400");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM experiment.trainer WHERE name = 'djl'", Long.class))
        .isZero();
  }

  @Test
  void onlyAdminsRegister() {
    ResponseEntity<JsonNode> key =
        post(
            "/api/v1/keys", "{\"owner\": \"team\", \"name\": \"submitter\", \"role\": \"SUBMIT\"}");
    assertThat(key.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String submitter = key.getBody().get("secret").asText();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(submitter);
    ResponseEntity<JsonNode> refused =
        http.postForEntity(
            "/api/v1/trainers",
            new HttpEntity<>(trainer("mine", "/opt/t", false, 0, "null"), headers),
            JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(
            http.exchange(
                    "/api/v1/trainers", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** StudyApiIT's valid study, trained by {@code trainer}, its large scale by {@code large}. */
  static String study(String trainer, String large) {
    return StudyApiIT.VALID
        .replace("\"seeds\": [0, 1]}", "\"seeds\": [0, 1], \"trainer\": \"" + trainer + "\"}")
        .replace(
            "{\"name\": \"xs\", \"width\": 16, \"depth\": 1, \"heads\": 2, \"context\": 32}",
            "{\"name\": \"xs\", \"width\": 16, \"depth\": 1, \"heads\": 2, \"context\": 32,"
                + " \"options\": {\"config\": \"tiny\", \"layers\": 1}}")
        .replace(
            "{\"name\": \"s\", \"width\": 32, \"depth\": 1, \"heads\": 2, \"context\": 32}",
            "{\"name\": \"s\", \"width\": 32, \"depth\": 1, \"heads\": 2, \"context\": 32,"
                + " \"trainer\": \""
                + large
                + "\"}");
  }

  private List<Map<String, Object>> queued(UUID study) {
    return jdbc.queryForList(
        "SELECT job_key, kind, requires_gpu, min_memory_bytes, payload::text AS payload"
            + " FROM queue.job WHERE study_id = ? ORDER BY id",
        study);
  }

  @Test
  void aStudyQueuesEachScalesTrainerAsRegisteredAtSubmissionWithItsKindGpuAndMemory()
      throws Exception {
    assertThat(
            post("/api/v1/trainers", trainer("torch", "/opt/torch", false, 8L << 30, "null"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    String cluster =
        "{\"image\": \"registry.example/s2l/pytorch:1\", \"gpus\": 1, \"queueName\": \"gpu\"}";
    assertThat(
            post("/api/v1/trainers", trainer("cluster", "/opt/torch", true, 0, cluster))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> submitted = post("/api/v1/studies", study("torch", "cluster"));
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    UUID id = UUID.fromString(submitted.getBody().get("id").asText());
    assertThat(submitted.getBody().at("/plan/scales/0/trainer").asText()).isEqualTo("torch");
    assertThat(submitted.getBody().at("/plan/scales/1/trainer").asText()).isEqualTo("cluster");
    assertThat(submitted.getBody().at("/plan/scales/0/options/config").asText()).isEqualTo("tiny");
    // both kinds count: 2 scales x 4 distributions x 2 seeds
    assertThat(submitted.getBody().at("/progress/jobsQueued").asInt()).isEqualTo(16);

    List<Map<String, Object>> before = queued(id);
    assertThat(before).hasSize(16);
    for (Map<String, Object> job : before) {
      JsonNode payload = json.readTree((String) job.get("payload"));
      boolean small = ((String) job.get("job_key")).startsWith("xs/");
      JsonNode trainer = payload.get("trainer");
      assertThat(trainer.get("name").asText()).isEqualTo(small ? "torch" : "cluster");
      assertThat(trainer.at("/command/0").asText()).isEqualTo("/opt/torch");
      assertThat(trainer.get("silenceSeconds").asInt()).isEqualTo(120);
      assertThat(job.get("kind")).isEqualTo(small ? "train" : "train-kubernetes");
      // a Kubernetes Job's pod gets its GPU and memory from the cluster: its dispatcher needs none
      assertThat(job.get("requires_gpu")).isEqualTo(false);
      long memory = (Long) job.get("min_memory_bytes");
      if (small) {
        assertThat(memory).isEqualTo(8L << 30);
        assertThat(payload.at("/scale/options/layers").asInt()).isEqualTo(1);
        assertThat(trainer.get("kubernetes").isNull()).isTrue();
      } else {
        assertThat(memory).isZero();
        assertThat(trainer.at("/kubernetes/queueName").asText()).isEqualTo("gpu");
      }
    }

    // re-registering under the same names changes nothing already queued
    http.delete("/api/v1/trainers/torch");
    http.delete("/api/v1/trainers/cluster");
    assertThat(
            post("/api/v1/trainers", trainer("torch", "/opt/newer", true, 1L << 40, "null"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(queued(id)).isEqualTo(before);
    String stored =
        jdbc.queryForObject(
            "SELECT trainers::text FROM experiment.study WHERE id = ?", String.class, id);
    assertThat(json.readTree(stored).at("/torch/command/0").asText()).isEqualTo("/opt/torch");
    assertThat(json.readTree(stored).at("/cluster/kubernetes/gpus").asInt()).isEqualTo(1);

    // a study submitted now takes the new registration, and cannot name the deleted one
    ResponseEntity<JsonNode> later = post("/api/v1/studies", study("torch", "djl"));
    assertThat(later.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    UUID laterId = UUID.fromString(later.getBody().get("id").asText());
    assertThat(queued(laterId))
        .allSatisfy(
            job ->
                assertThat((String) job.get("payload"))
                    .satisfiesAnyOf(
                        p -> assertThat(p).contains("/opt/newer"),
                        p -> assertThat(json.readTree(p).get("trainer").isNull()).isTrue()));
    assertThat(queued(laterId))
        .filteredOn(job -> ((String) job.get("job_key")).startsWith("xs/"))
        .allSatisfy(job -> assertThat(job.get("requires_gpu")).isEqualTo(true));
    ResponseEntity<JsonNode> gone = post("/api/v1/studies", study("torch", "cluster"));
    assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(gone.getBody().at("/errors/0/field").asText()).isEqualTo("scales[1].trainer");
    assertThat(gone.getBody().at("/errors/0/reason").asText())
        .isEqualTo("no registered trainer 'cluster'");
  }

  @Test
  void anUnknownTrainerOrAnUntrainedFamilyIsRefusedNamingTheFieldAndNothingIsQueued() {
    long studies = jdbc.queryForObject("SELECT count(*) FROM experiment.study", Long.class);
    ResponseEntity<JsonNode> unknown = post("/api/v1/studies", study("nobody", "djl"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(unknown.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("trainer");
    assertThat(unknown.getBody().at("/errors/0/reason").asText())
        .isEqualTo("no registered trainer 'nobody'");

    assertThat(
            post(
                    "/api/v1/trainers",
                    trainer("images-only", "/opt/t", false, 0, "null")
                        .replace("[\"lm\"]", "[\"cnn\"]"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> family = post("/api/v1/studies", study("images-only", "djl"));
    assertThat(family.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(family.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("scales[0].trainer");
    assertThat(family.getBody().at("/errors/0/reason").asText())
        .isEqualTo("trainer 'images-only' does not train family 'lm'");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM experiment.study", Long.class))
        .isEqualTo(studies);
  }

  @Test
  void theExampleStudyRunsOnTheTrainerRegisteredAsPytorch() throws Exception {
    String example =
        java.nio.file.Files.readString(java.nio.file.Path.of("../examples/study-pytorch.json"));
    ResponseEntity<JsonNode> unregistered = post("/api/v1/studies", example);
    assertThat(unregistered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unregistered.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("trainer");

    assertThat(
            post("/api/v1/trainers", trainer("pytorch", "/usr/bin/python3", false, 0, "null"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> submitted = post("/api/v1/studies", example);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    UUID id = UUID.fromString(submitted.getBody().get("id").asText());
    // 4 scales x 8 distributions x 1 seed, each carrying the registration
    assertThat(queued(id))
        .hasSize(32)
        .allSatisfy(
            job -> {
              assertThat(job.get("kind")).isEqualTo("train");
              assertThat(json.readTree((String) job.get("payload")).at("/trainer/name").asText())
                  .isEqualTo("pytorch");
            });
  }

  @Test
  void aModelOfAnExternalTrainerCannotBeFeaturised() throws Exception {
    assertThat(
            post(
                    "/api/v1/trainers",
                    trainer("classifiers", "/opt/t", false, 0, "null")
                        .replace("[\"lm\"]", "[\"mlp\"]"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    String digits =
        java.nio.file.Files.readString(java.nio.file.Path.of("../examples/demo-digits.json"))
            .replace(
                "\"dataset\": \"digits\",",
                "\"dataset\": \"digits\", \"trainer\": \"classifiers\",");
    ResponseEntity<JsonNode> submitted = post("/api/v1/studies", digits);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = submitted.getBody().get("id").asText();
    // as if a worker had trained it with the external trainer
    jdbc.update(
        "UPDATE queue.job SET state = 'succeeded' WHERE study_id = ?::uuid AND job_key = 'w8/subset-3/0'",
        id);
    ResponseEntity<JsonNode> refused =
        post(
            "/api/v1/studies/" + id + "/features",
            "{\"run\": \"w8/subset-3/0\", \"examples\": \"train\", \"dimension\": 64}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("run");
    assertThat(refused.getBody().at("/errors/0/reason").asText())
        .startsWith("was trained by the registered trainer 'classifiers'");
  }
}
