package io.s2l.trainer.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Set;

/**
 * Names of version 1 of the trainer contract (docs/trainer-contract.md): the files of a run
 * directory, the environment variable that carries the spec's path, the kinds of evaluation sets
 * and data formats. The JSON Schemas of the two documents are the classpath resources {@link
 * #SPEC_SCHEMA} and {@link #RESULT_SCHEMA}.
 */
public final class Contract {

  /** The value of {@code contract} in {@code spec.json} and {@code result.json}. */
  public static final String VERSION = "s2l-trainer/1";

  public static final String SPEC_FILE = "spec.json";
  public static final String RESULT_FILE = "result.json";
  public static final String LOSSES_FILE = "losses.csv";
  public static final String LOG_FILE = "trainer.log";
  public static final String OUTPUT_DIR = "out";

  /** The environment variable holding the spec's path (it is also the last argument). */
  public static final String SPEC_ENV = "S2L_TRAINER_SPEC";

  public static final String SPEC_SCHEMA = "/io/s2l/trainer/contract/spec-v1.schema.json";
  public static final String RESULT_SCHEMA = "/io/s2l/trainer/contract/result-v1.schema.json";

  /** Evaluation-set kinds: held-out text, question/answer, multiple choice, labelled images. */
  public static final String TEXT = "text";

  public static final String ANSWER = "answer";
  public static final String CHOICE = "choice";
  public static final String IMAGE = "image";

  /** Training-data formats: documents of text domains, or labelled images. */
  public static final String DOCUMENTS = "documents";

  public static final String IMAGES = "images";

  private static final Set<String> WITH_ANSWERS = Set.of(CHOICE, IMAGE);

  private Contract() {}

  /** Whether a set of this kind has answers: its rows carry {@code correct} and {@code chance}. */
  public static boolean hasAnswers(String kind) {
    return WITH_ANSWERS.contains(kind);
  }

  /**
   * The JSON mapping of the contract's documents: instants as ISO-8601 text, and strict reading (no
   * unknown fields, no strings or fractions passed off as integers).
   */
  public static ObjectMapper json() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();
  }
}
