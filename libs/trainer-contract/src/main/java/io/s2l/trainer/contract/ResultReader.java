package io.s2l.trainer.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code result.json} field by field, as its schema ({@link Contract#RESULT_SCHEMA}) says, so
 * that a refusal names the field: no unknown fields, whole positive counts, finite non-negative
 * losses and times.
 */
final class ResultReader {

  /** A result is a few hundred bytes; this leaves room for a long checkpoint list. */
  static final long MAX_BYTES = 1 << 20;

  static final int MAX_CHECKPOINTS = 1000;

  private static final ObjectMapper JSON = Contract.json();
  private static final Set<String> FIELDS =
      Set.of(
          "contract",
          "paramsNonEmbedding",
          "paramsTotal",
          "tokens",
          "steps",
          "finalTrainLoss",
          "wallSeconds",
          "device",
          "trainer",
          "checkpoints");

  private ResultReader() {}

  static TrainerResult read(Path outputDir) throws ContractViolation {
    Path file = OutputFiles.regular(outputDir, Contract.RESULT_FILE, MAX_BYTES);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ContractViolation(
          "result.json is unreadable: not JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new ContractViolation("result.json is unreadable: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ContractViolation("result.json is unreadable: not a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new ContractViolation("result.json has an unknown field '" + name + "'");
      }
    }
    String contract = text(root, "contract");
    if (!Contract.VERSION.equals(contract)) {
      throw new ContractViolation(
          "result.json: contract is '" + contract + "', expected '" + Contract.VERSION + "'");
    }
    String device = text(root, "device");
    if (!device.equals("cpu") && !device.equals("gpu")) {
      throw new ContractViolation("result.json: device must be cpu or gpu, is '" + device + "'");
    }
    TrainerResult result =
        new TrainerResult(
            contract,
            positive(root, "paramsNonEmbedding"),
            positive(root, "paramsTotal"),
            positive(root, "tokens"),
            positive(root, "steps"),
            nonNegative(root, "finalTrainLoss"),
            nonNegative(root, "wallSeconds"),
            device,
            trainer(root.get("trainer")),
            checkpoints(root.get("checkpoints")));
    if (result.paramsTotal() < result.paramsNonEmbedding()) {
      throw new ContractViolation(
          "result.json: paramsTotal "
              + result.paramsTotal()
              + " is less than paramsNonEmbedding "
              + result.paramsNonEmbedding());
    }
    CheckpointPaths.check(outputDir, result.checkpointList());
    return result;
  }

  private static String text(JsonNode root, String field) throws ContractViolation {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new ContractViolation("result.json: field '" + field + "' is missing or not text");
    }
    return value.asText();
  }

  private static long positive(JsonNode root, String field) throws ContractViolation {
    JsonNode value = root.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ContractViolation(
          "result.json: field '" + field + "' is missing or not a whole number");
    }
    if (value.asLong() <= 0) {
      throw new ContractViolation(
          "result.json: field '" + field + "' must be positive, is " + value.asLong());
    }
    return value.asLong();
  }

  private static double nonNegative(JsonNode root, String field) throws ContractViolation {
    JsonNode value = root.get(field);
    if (value == null || !value.isNumber()) {
      throw new ContractViolation("result.json: field '" + field + "' is missing or not a number");
    }
    double d = value.doubleValue();
    if (!Double.isFinite(d) || d < 0) {
      throw new ContractViolation(
          "result.json: field '" + field + "' must be finite and >= 0, is " + value.asText());
    }
    return d;
  }

  private static TrainerResult.Trainer trainer(JsonNode node) throws ContractViolation {
    if (node == null || !node.isObject()) {
      throw new ContractViolation("result.json: field 'trainer' is missing or not an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("name") && !name.equals("version")) {
        throw new ContractViolation("result.json: trainer has an unknown field '" + name + "'");
      }
    }
    for (String field : List.of("name", "version")) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw new ContractViolation("result.json: trainer." + field + " is missing or not text");
      }
    }
    return new TrainerResult.Trainer(node.get("name").asText(), node.get("version").asText());
  }

  private static List<String> checkpoints(JsonNode node) throws ContractViolation {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw new ContractViolation("result.json: checkpoints is not an array");
    }
    if (node.size() > MAX_CHECKPOINTS) {
      throw new ContractViolation(
          "result.json: more than " + MAX_CHECKPOINTS + " checkpoints (" + node.size() + ")");
    }
    List<String> paths = new ArrayList<>(node.size());
    for (JsonNode path : node) {
      if (!path.isTextual() || path.asText().isEmpty()) {
        throw new ContractViolation("result.json: a checkpoint path is empty or not text");
      }
      paths.add(path.asText());
    }
    return paths;
  }
}
