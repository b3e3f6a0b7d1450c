package io.s2l.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One example of a built-in evaluation set (a line of {@code s2l/evalsets/<name>.jsonl.gz}).
 *
 * <p>Kind {@code answer}: the loss is taken on the answer's bytes, the prompt given as context;
 * {@code choices} and {@code label} are null. Kind {@code choice}: every choice is scored after the
 * prompt, {@code label} is the index of the correct one; {@code answer} is null.
 *
 * @param id stable identifier, such as {@code cloze-literature-000017-523}
 * @param prompt the context, possibly empty
 * @param answer the expected continuation (answer kind), with its leading space, or null
 * @param choices the candidate continuations (choice kind), or null
 * @param label index of the correct choice (choice kind), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalExample(
    String id, String prompt, String answer, List<String> choices, Integer label) {}
