package io.s2l.featurize;

import io.s2l.corpus.EvalExample;
import io.s2l.lm.eval.ScoredSequence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One example whose output function {@link LmOutput} a language model's gradient is taken of: one
 * scored byte sequence, or for {@link LmOutput#CHOICE_MARGIN} one per choice (prompt followed by
 * the choice, the choice scored) and the index of the correct one. Built the way {@code
 * io.s2l.lm.eval.Evaluations} builds what it scores, so that {@code f} is the value evaluation
 * reports.
 *
 * <p>Bounds: a sequence holds at most {@value #MAX_SEQUENCE_BYTES} bytes (memory per example grows
 * with its length); a multiple-choice example has 2 to {@value #MAX_CHOICES} choices.
 *
 * @param output the output function
 * @param sequences one sequence, or one per choice in the example's order
 * @param label the correct choice for {@link LmOutput#CHOICE_MARGIN}, otherwise 0
 */
public record LmExample(LmOutput output, List<ScoredSequence> sequences, int label) {

  /** The longest sequence an example may hold, in bytes. */
  public static final int MAX_SEQUENCE_BYTES = 16_384;

  /** The most choices of a multiple-choice example. */
  public static final int MAX_CHOICES = 64;

  /** What an empty prompt is replaced by, as in evaluation: a newline, a document start. */
  static final String EMPTY_PROMPT = "\n";

  public LmExample {
    Objects.requireNonNull(output, "output");
    sequences = List.copyOf(sequences);
    int longest = sequences.stream().mapToInt(s -> s.bytes().length).max().orElse(0);
    if (longest > MAX_SEQUENCE_BYTES) {
      throw new IllegalArgumentException(
          "a sequence of %d bytes exceeds the limit of %d".formatted(longest, MAX_SEQUENCE_BYTES));
    }
    if (output == LmOutput.CHOICE_MARGIN) {
      if (sequences.size() < 2 || sequences.size() > MAX_CHOICES) {
        throw new IllegalArgumentException(
            "a multiple-choice example needs 2 to %d choices, has %d"
                .formatted(MAX_CHOICES, sequences.size()));
      }
      if (label < 0 || label >= sequences.size()) {
        throw new IllegalArgumentException(
            "label %d is outside [0, %d)".formatted(label, sequences.size()));
      }
    } else if (sequences.size() != 1 || label != 0) {
      throw new IllegalArgumentException(
          output + " takes one sequence and label 0, not " + sequences.size() + " and " + label);
    }
  }

  /**
   * A pool document: its first {@code maxBytes} UTF-8 bytes, every byte after the first scored,
   * {@link LmOutput#MEAN_LOSS} (the text loss of evaluation, which uses {@code maxBytes = 256}).
   *
   * @param maxBytes 2 to {@value #MAX_SEQUENCE_BYTES}
   */
  public static LmExample document(String text, int maxBytes) {
    return document(text.getBytes(StandardCharsets.UTF_8), maxBytes);
  }

  /** {@link #document(String, int)} of a document's UTF-8 bytes (not modified). */
  public static LmExample document(byte[] bytes, int maxBytes) {
    if (maxBytes < 2 || maxBytes > MAX_SEQUENCE_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be in [2, %d], was %d".formatted(MAX_SEQUENCE_BYTES, maxBytes));
    }
    if (bytes.length < 2) {
      throw new IllegalArgumentException("a document needs at least 2 bytes, has " + bytes.length);
    }
    byte[] kept = Arrays.copyOf(bytes, Math.min(bytes.length, maxBytes));
    return new LmExample(LmOutput.MEAN_LOSS, List.of(new ScoredSequence(kept, 1)), 0);
  }

  /** An answer target: the mean loss of the answer's bytes after the prompt. */
  public static LmExample answer(String prompt, String answer) {
    return new LmExample(LmOutput.MEAN_LOSS, List.of(scored(prompt, answer)), 0);
  }

  /** A multiple-choice target: the log-odds of choice {@code label} against the others. */
  public static LmExample choice(String prompt, List<String> choices, int label) {
    List<ScoredSequence> sequences = new ArrayList<>(choices.size());
    for (String choice : choices) {
      sequences.add(scored(prompt, choice));
    }
    return new LmExample(LmOutput.CHOICE_MARGIN, sequences, label);
  }

  /** An example of an evaluation set: {@link #choice} when it has choices, else {@link #answer}. */
  public static LmExample of(EvalExample example) {
    if (example.choices() != null) {
      if (example.label() == null) {
        throw new IllegalArgumentException("example " + example.id() + " has choices but no label");
      }
      return choice(example.prompt(), example.choices(), example.label());
    }
    if (example.answer() == null) {
      throw new IllegalArgumentException("example " + example.id() + " has no answer or choices");
    }
    return answer(example.prompt(), example.answer());
  }

  /** {@link LmOutput#MEAN_BYTE_MARGIN} of a sequence's scored bytes. */
  public static LmExample byteMargin(ScoredSequence sequence) {
    return new LmExample(LmOutput.MEAN_BYTE_MARGIN, List.of(sequence), 0);
  }

  /** The prompt (a newline if empty) followed by the continuation, the continuation scored. */
  private static ScoredSequence scored(String prompt, String continuation) {
    byte[] p =
        (prompt == null || prompt.isEmpty() ? EMPTY_PROMPT : prompt)
            .getBytes(StandardCharsets.UTF_8);
    byte[] c = continuation.getBytes(StandardCharsets.UTF_8);
    if (c.length == 0) {
      throw new IllegalArgumentException("an answer or choice must not be empty");
    }
    byte[] all = Arrays.copyOf(p, p.length + c.length);
    System.arraycopy(c, 0, all, p.length, c.length);
    return new ScoredSequence(all, p.length);
  }
}
