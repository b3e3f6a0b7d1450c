package io.s2l.trainer.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run's spec and a complete, valid set of outputs for it, written into an output directory; a
 * test breaks one thing and expects the validator's reason.
 */
final class RunFixture {

  static final Map<String, List<String>> IDS = new LinkedHashMap<>();

  static {
    IDS.put("heldout/legal", List.of("legal-0009", "legal-0019", "legal-0029"));
    IDS.put("grammar", List.of("grammar-1", "grammar-2"));
    IDS.put("images/digits-test", List.of("digit-7", "digit-3"));
  }

  static final List<String> HEADER =
      List.of(
          "scale",
          "params",
          "tokens",
          "distribution",
          "seed",
          "evalSet",
          "exampleId",
          "loss",
          "correct",
          "chance",
          "margin");

  static final ObjectMapper JSON = Contract.json();

  final Path out;
  final ObjectNode result;
  final List<Map<String, String>> rows = new ArrayList<>();
  List<String> header = new ArrayList<>(HEADER);

  RunFixture(Path out) {
    this.out = out;
    result =
        (ObjectNode)
            JSON.valueToTree(
                new TrainerResult(
                    Contract.VERSION,
                    99968,
                    136960,
                    2000896,
                    1954,
                    1.84,
                    212.4,
                    "cpu",
                    new TrainerResult.Trainer("fake", "1"),
                    null));
    int n = 0;
    for (var set : IDS.entrySet()) {
      for (String id : set.getValue()) {
        n++;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("scale", "d64-L2");
        row.put("params", "99968");
        row.put("tokens", "2000896");
        row.put("distribution", "mix-3");
        row.put("seed", "0");
        row.put("evalSet", set.getKey());
        row.put("exampleId", id);
        row.put("loss", Float.toString(n / 4f));
        boolean answers = !set.getKey().startsWith("heldout");
        row.put("correct", answers ? Boolean.toString(n % 2 == 0) : "");
        row.put("chance", !answers ? "" : set.getKey().equals("grammar") ? "0.5" : "0.1");
        row.put("margin", set.getKey().startsWith("images") ? Float.toString(n - 6.5f) : "");
        rows.add(row);
      }
    }
  }

  static TrainerSpec spec() {
    return new TrainerSpec(
        Contract.VERSION,
        UUID.fromString("0b0b9c1e-3f7e-4a53-9d55-6f1f5f1d2a10"),
        "d64-L2/mix-3/0",
        "mix-3",
        118,
        1,
        "lm",
        new TrainerSpec.Scale("d64-L2", 64, 2, 4, 64, 99968, 136960),
        Map.of(),
        0,
        TrainerSpec.Budget.ofTokens(1999360),
        new TrainerSpec.Training(16, 0.003, 0.05, 0.01, 1.0, "cpu"),
        TrainerSpec.Data.documents("/data/train.jsonl", Map.of("legal", 0.5, "code", 0.5), null),
        List.of(
            new TrainerSpec.EvalSet(
                "heldout/legal", Contract.TEXT, "/data/eval/l.jsonl", 3, 256, null),
            new TrainerSpec.EvalSet("grammar", Contract.CHOICE, "/data/eval/g.jsonl", 2, null, 0.5),
            new TrainerSpec.EvalSet(
                "images/digits-test", Contract.IMAGE, "/data/eval/d.jsonl", 2, null, 0.1)),
        "/runs/1/attempt-1/out",
        null,
        Instant.parse("2026-12-04T18:00:00Z"));
  }

  /** The row of one example. */
  Map<String, String> row(String set, String id) {
    return rows.stream()
        .filter(r -> r.get("evalSet").equals(set) && r.get("exampleId").equals(id))
        .findFirst()
        .orElseThrow();
  }

  void write() throws IOException {
    Files.writeString(out.resolve(Contract.RESULT_FILE), JSON.writeValueAsString(result));
    writeLosses();
  }

  void writeLosses() throws IOException {
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (Map<String, String> row : rows) {
      List<String> values = new ArrayList<>();
      for (String column : header) {
        values.add(row.getOrDefault(column, ""));
      }
      csv.append(String.join(",", values)).append('\n');
    }
    Files.writeString(out.resolve(Contract.LOSSES_FILE), csv);
  }

  ValidatedOutputs validate() throws Exception {
    write();
    return OutputValidator.validate(spec(), out, IDS);
  }
}
