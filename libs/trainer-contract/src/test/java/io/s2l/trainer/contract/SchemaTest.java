package io.s2l.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schemas agree with the contract's page, with the records the worker writes and reads,
 * and with the worker's own checks of a result.
 */
class SchemaTest {

  private static final ObjectMapper JSON = Contract.json();
  private static final Path PAGE = Path.of("../../docs/trainer-contract.md");

  @Test
  void thePagesExamplesAreValidAndReadAsRecords() throws Exception {
    JsonNode spec = example("\"evalSets\"");
    JsonNode result = example("\"paramsTotal\"");

    assertThat(Schemas.errors(Schemas.SPEC, spec)).isEmpty();
    assertThat(Schemas.errors(Schemas.RESULT, result)).isEmpty();
    // every field of the examples is a field of the records, and comes back as written
    assertThat(rewritten(spec, TrainerSpec.class)).isEqualTo(spec);
    assertThat(rewritten(result, TrainerResult.class)).isEqualTo(result);
    ProgressLine progress = new ProgressParser().parse(example("\"step\"").toString());
    assertThat(progress.step()).isEqualTo(120);
  }

  @Test
  void theRecordsWriteValidDocuments() throws Exception {
    TrainerSpec lm = RunFixture.spec();
    TrainerSpec images =
        new TrainerSpec(
            Contract.VERSION,
            UUID.randomUUID(),
            "mlp-16/subset-0/1",
            "subset-0",
            7,
            2,
            "mlp",
            new TrainerSpec.Scale("mlp-16", 16, 1, null, null, 1210, 1210),
            Map.of("config", "small", "dropout", 0.1, "bias", true),
            1,
            TrainerSpec.Budget.ofEpochs(30),
            new TrainerSpec.Training(16, 0.003, 0.05, 0.01, 1.0, "gpu"),
            new TrainerSpec.Data(
                Contract.IMAGES,
                "/data/digits/train.jsonl",
                null,
                List.of("digit-000001", "digit-000002"),
                List.of(8, 8),
                16,
                10),
            List.of(
                new TrainerSpec.EvalSet(
                    "images/digits-test",
                    Contract.IMAGE,
                    "/data/digits/eval/t.jsonl",
                    400,
                    null,
                    0.1)),
            "/runs/7/attempt-2/out",
            "/runs/7/attempt-1",
            Instant.parse("2026-12-04T18:00:00.250Z"));
    TrainerResult result =
        new TrainerResult(
            Contract.VERSION,
            1210,
            1210,
            41910,
            90,
            0.31,
            4.2,
            "gpu",
            new TrainerResult.Trainer("t", "2"),
            List.of("checkpoints/final.pt"));

    for (TrainerSpec spec : List.of(lm, images)) {
      JsonNode written = JSON.valueToTree(spec);
      assertThat(Schemas.errors(Schemas.SPEC, written)).as(spec.run()).isEmpty();
      assertThat(JSON.treeToValue(written, TrainerSpec.class)).isEqualTo(spec);
    }
    JsonNode lmWritten = JSON.valueToTree(lm);
    assertThat(lmWritten.get("data").has("imageShape")).isFalse();
    assertThat(lmWritten.get("data").get("subset").isNull()).isTrue();
    assertThat(lmWritten.get("evalSets").get(1).has("maxTextBytes")).isFalse();
    assertThat(lmWritten.get("evalSets").get(0).get("chance").isNull()).isTrue();
    assertThat(lmWritten.get("deadline").asText()).isEqualTo("2026-12-04T18:00:00Z");
    assertThat(Schemas.errors(Schemas.RESULT, JSON.valueToTree(result))).isEmpty();
  }

  @Test
  void brokenSpecsAreRefused() throws Exception {
    Map<String, Consumer<ObjectNode>> broken = new LinkedHashMap<>();
    broken.put("no contract", s -> s.remove("contract"));
    broken.put("another version", s -> s.put("contract", "s2l-trainer/2"));
    broken.put("no distribution", s -> s.remove("distribution"));
    broken.put("unknown family", s -> s.put("family", "rnn"));
    broken.put("tokens and epochs", s -> ((ObjectNode) s.get("budget")).put("epochs", 3));
    broken.put("no budget", s -> s.putObject("budget"));
    broken.put("nested option", s -> ((ObjectNode) s.get("options")).putObject("deep"));
    broken.put("relative outputDir", s -> s.put("outputDir", "out"));
    broken.put("both weights and subset", s -> ((ObjectNode) s.get("data")).putArray("subset"));
    broken.put("neither weights nor subset", s -> ((ObjectNode) s.get("data")).putNull("weights"));
    broken.put("images without shape", s -> ((ObjectNode) s.get("data")).put("format", "images"));
    broken.put("unknown set kind", s -> set(s, 0).put("kind", "video"));
    broken.put("text without maxTextBytes", s -> set(s, 0).remove("maxTextBytes"));
    broken.put("chance on text", s -> set(s, 0).put("chance", 0.5));
    broken.put("choice without chance", s -> set(s, 1).putNull("chance"));
    broken.put("no eval sets", s -> s.putArray("evalSets"));
    broken.put("local deadline", s -> s.put("deadline", "2026-12-04T18:00:00+01:00"));
    broken.put("device tpu", s -> ((ObjectNode) s.get("training")).put("device", "tpu"));
    for (var b : broken.entrySet()) {
      ObjectNode spec = example("\"evalSets\"").deepCopy();
      b.getValue().accept(spec);
      assertThat(Schemas.errors(Schemas.SPEC, spec)).as(b.getKey()).isNotEmpty();
    }
  }

  @Test
  void theSchemaAndTheWorkerRefuseTheSameResults(@TempDir Path out) throws Exception {
    Map<String, Consumer<ObjectNode>> broken = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    add(
        broken,
        reasons,
        "no tokens",
        r -> r.remove("tokens"),
        "field 'tokens' is missing or not a whole number");
    add(
        broken,
        reasons,
        "zero tokens",
        r -> r.put("tokens", 0),
        "field 'tokens' must be positive, is 0");
    add(
        broken,
        reasons,
        "tokens as text",
        r -> r.put("tokens", "5"),
        "field 'tokens' is missing or not a whole number");
    add(
        broken,
        reasons,
        "fractional steps",
        r -> r.put("steps", 1.5),
        "field 'steps' is missing or not a whole number");
    add(
        broken,
        reasons,
        "negative params",
        r -> r.put("paramsTotal", -1),
        "field 'paramsTotal' must be positive, is -1");
    add(broken, reasons, "unknown field", r -> r.put("notes", "x"), "unknown field 'notes'");
    add(
        broken,
        reasons,
        "another version",
        r -> r.put("contract", "s2l-trainer/2"),
        "contract is 's2l-trainer/2'");
    add(
        broken,
        reasons,
        "device tpu",
        r -> r.put("device", "tpu"),
        "device must be cpu or gpu, is 'tpu'");
    add(
        broken,
        reasons,
        "negative loss",
        r -> r.put("finalTrainLoss", -0.1),
        "field 'finalTrainLoss' must be finite and >= 0");
    add(
        broken,
        reasons,
        "no trainer version",
        r -> ((ObjectNode) r.get("trainer")).remove("version"),
        "trainer.version is missing or not text");
    add(
        broken,
        reasons,
        "absolute checkpoint",
        r -> r.putArray("checkpoints").add("/tmp/x.pt"),
        "is absolute");
    add(
        broken,
        reasons,
        "checkpoint going up",
        r -> r.putArray("checkpoints").add("a/../../x.pt"),
        "contains '..'");
    add(
        broken,
        reasons,
        "checkpoint of dots",
        r -> r.putArray("checkpoints").add(".."),
        "contains '..'");
    for (var b : broken.entrySet()) {
      RunFixture run = new RunFixture(out);
      b.getValue().accept(run.result);
      assertThat(Schemas.errors(Schemas.RESULT, run.result)).as(b.getKey()).isNotEmpty();
      assertThatThrownBy(run::validate)
          .as(b.getKey())
          .isInstanceOf(ContractViolation.class)
          .hasMessageContaining(reasons.get(b.getKey()));
    }
  }

  /** A document read as a record and written again. */
  private static JsonNode rewritten(JsonNode document, Class<?> type) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(document, type)));
  }

  private static void add(
      Map<String, Consumer<ObjectNode>> broken,
      Map<String, String> reasons,
      String name,
      Consumer<ObjectNode> change,
      String reason) {
    broken.put(name, change);
    reasons.put(name, reason);
  }

  private static ObjectNode set(ObjectNode spec, int index) {
    return (ObjectNode) ((ArrayNode) spec.get("evalSets")).get(index);
  }

  /** The page's JSON example that contains {@code marker}. */
  private static ObjectNode example(String marker) throws Exception {
    Matcher m =
        Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).contains(marker)) {
        found.add(m.group(1));
      }
    }
    assertThat(found).as("examples with " + marker).hasSize(1);
    return (ObjectNode) JSON.readTree(found.get(0));
  }
}
