package io.s2l.trainer.contract;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code losses.csv} (the analysis service's import format, docs/api.md) row by row into the
 * {@link SetCollector}s of the spec's evaluation sets, checking each row against the run and its
 * result. Bounded: the file may take {@link #BYTES_PER_ROW} bytes per expected row, a line {@link
 * #MAX_LINE} characters.
 */
final class LossesReader {

  static final int BYTES_PER_ROW = 1024;
  static final int MAX_LINE = 2048;

  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  private final TrainerSpec spec;
  private final TrainerResult result;
  private final Map<String, SetCollector> sets;
  private LossesHeader header;

  LossesReader(TrainerSpec spec, TrainerResult result, Map<String, SetCollector> sets) {
    this.spec = spec;
    this.result = result;
    this.sets = sets;
  }

  void read(Path outputDir) throws ContractViolation {
    long rows = sets.values().stream().mapToLong(SetCollector::size).sum();
    Path file = OutputFiles.regular(outputDir, Contract.LOSSES_FILE, BYTES_PER_ROW * (rows + 1));
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader =
            new LineLimitReader(
                new InputStreamReader(Files.newInputStream(file), decoder), MAX_LINE);
        MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(reader)) {
      if (!lines.hasNextValue()) {
        throw new ContractViolation("losses.csv is empty: it needs a header and a row per example");
      }
      header = LossesHeader.of(lines.nextValue(), sets.values());
      long row = 0;
      while (lines.hasNextValue()) {
        row++;
        row("losses.csv row " + row + ": ", lines.nextValue());
      }
    } catch (IOException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof LineLimitReader.LineTooLongException)) {
        cause = cause.getCause();
      }
      String problem = cause != null ? cause.getMessage() : e.getMessage();
      throw new ContractViolation("losses.csv is unreadable: " + problem, e);
    }
  }

  private void row(String where, String[] f) throws ContractViolation {
    if (f.length != header.width()) {
      throw new ContractViolation(
          where + "has " + f.length + " fields, the header " + header.width());
    }
    String name = header.value(f, "evalSet");
    SetCollector set = sets.get(name);
    if (set == null) {
      throw new ContractViolation(where + "unknown evaluation set '" + name + "'");
    }
    String id = header.value(f, "exampleId");
    same(where, "scale", header.value(f, "scale"), spec.scale().name());
    same(where, "distribution", header.value(f, "distribution"), spec.distribution());
    long seed = CsvValues.whole(where, "seed", header.value(f, "seed"));
    if (seed != spec.seed()) {
      throw new ContractViolation(
          where + "column 'seed' is " + seed + ", not the run's " + spec.seed());
    }
    accounted(where, "params", header.value(f, "params"), result.paramsNonEmbedding());
    accounted(where, "tokens", header.value(f, "tokens"), result.tokens());
    String example = "set '" + set.set().name() + "' example '" + id + "'";
    double loss = CsvValues.number(where + example + ": ", "loss", header.value(f, "loss"));
    if (!Float.isFinite((float) loss)) {
      throw new ContractViolation(where + example + " has loss " + loss + ", not finite");
    }
    if (loss < 0) {
      throw new ContractViolation(where + example + " has a negative loss " + loss);
    }
    Boolean correct = answers(where, set.set(), example, f);
    Float margin = margin(where, set.set(), example, header.value(f, "margin"));
    set.add(where, id, (float) loss, correct, margin, answer(where + example + ": ", set.set(), f));
  }

  /** The raw answer scores, allowed on answer and choice sets only. */
  private SetLosses.Answer answer(String where, TrainerSpec.EvalSet set, String[] f)
      throws ContractViolation {
    String[] values = new String[AnswerScoreFields.COLUMNS.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = header.value(f, AnswerScoreFields.COLUMNS.get(i));
    }
    SetLosses.Answer answer = AnswerScoreFields.read(where, values);
    if (answer != null
        && !set.kind().equals(Contract.ANSWER)
        && !set.kind().equals(Contract.CHOICE)) {
      throw new ContractViolation(
          where
              + "gives answer scores, but set '"
              + set.name()
              + "' is not an answer or choice set");
    }
    return answer;
  }

  private static void same(String where, String column, String value, String expected)
      throws ContractViolation {
    if (!expected.equals(value)) {
      throw new ContractViolation(
          where + "column '" + column + "' is '" + value + "', not the run's '" + expected + "'");
    }
  }

  private static void accounted(String where, String column, String value, long expected)
      throws ContractViolation {
    long n = CsvValues.whole(where, column, value);
    if (n <= 0) {
      throw new ContractViolation(where + "column '" + column + "' must be positive, is " + n);
    }
    if (n != expected) {
      throw new ContractViolation(
          where + "column '" + column + "' is " + n + ", result.json says " + expected);
    }
  }

  /** {@code correct} for sets with answers (with the spec's chance); none for the others. */
  private Boolean answers(String where, TrainerSpec.EvalSet set, String example, String[] f)
      throws ContractViolation {
    String correct = header.value(f, "correct");
    String chance = header.value(f, "chance");
    if (!set.hasAnswers()) {
      if (!blank(correct) || !blank(chance)) {
        throw new ContractViolation(
            where + example + " gives correct/chance, but set '" + set.name() + "' has no answers");
      }
      return null;
    }
    if (blank(correct) || blank(chance)) {
      throw new ContractViolation(
          where + example + " lacks correct/chance, which set '" + set.name() + "' needs");
    }
    boolean right = CsvValues.flag(where + example + ": ", "correct", correct);
    double given = CsvValues.number(where + example + ": ", "chance", chance);
    if (!(Math.abs(given - set.chance()) <= 1e-6)) {
      throw new ContractViolation(
          where
              + example
              + " gives chance "
              + chance
              + ", set '"
              + set.name()
              + "' has chance "
              + set.chance());
    }
    return right;
  }

  private static Float margin(String where, TrainerSpec.EvalSet set, String example, String value)
      throws ContractViolation {
    if (blank(value)) {
      return null;
    }
    if (!set.kind().equals(Contract.IMAGE)) {
      throw new ContractViolation(
          where + example + " gives a margin, but set '" + set.name() + "' is not an image set");
    }
    double margin = CsvValues.number(where + example + ": ", "margin", value);
    if (!Float.isFinite((float) margin)) {
      throw new ContractViolation(where + example + " has margin " + value + ", not finite");
    }
    return (float) margin;
  }

  private static boolean blank(String value) {
    return value == null || value.isEmpty();
  }
}
