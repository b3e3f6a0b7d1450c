package io.s2l.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid outputs come back typed in file order; each kind of broken output is named. */
class OutputValidatorTest {

  @TempDir Path dir;
  Path out;
  RunFixture run;

  @BeforeEach
  void outputs() throws Exception {
    out = Files.createDirectory(dir.resolve("out"));
    run = new RunFixture(out);
  }

  @Test
  void returnsEverySetInTheOrderOfItsFileWhateverTheRowOrder() throws Exception {
    Collections.reverse(run.rows);

    ValidatedOutputs outputs = run.validate();

    assertThat(outputs.result().tokens()).isEqualTo(2000896);
    assertThat(outputs.result().trainer().name()).isEqualTo("fake");
    assertThat(outputs.sets()).containsOnlyKeys(RunFixture.IDS.keySet());
    assertThat(outputs.sets().keySet()).containsExactlyElementsOf(RunFixture.IDS.keySet());
    SetLosses text = outputs.sets().get("heldout/legal");
    assertThat(text.losses()).containsExactly(0.25f, 0.5f, 0.75f);
    assertThat(text.correct()).isNull();
    assertThat(text.chance()).isNull();
    assertThat(text.margins()).isNull();
    SetLosses grammar = outputs.sets().get("grammar");
    assertThat(grammar.losses()).containsExactly(1f, 1.25f);
    assertThat(grammar.correct()).containsExactly(true, false);
    assertThat(grammar.chance()).isEqualTo(0.5);
    assertThat(grammar.margins()).isNull();
    SetLosses images = outputs.sets().get("images/digits-test");
    assertThat(images.correct()).containsExactly(true, false);
    assertThat(images.chance()).isEqualTo(0.1);
    assertThat(images.margins()).containsExactly(-0.5f, 0.5f);
  }

  @Test
  void marginsAndTheAnswerColumnsAreOptionalWhereNoSetNeedsThem() throws Exception {
    run.header.remove("margin");
    assertThat(run.validate().sets().get("images/digits-test").margins()).isNull();
  }

  @Test
  void rawAnswerScoresComeBackPerExampleOnChoiceSets() throws Exception {
    run.header.addAll(AnswerScoreFields.COLUMNS);
    scores(run.row("grammar", "grammar-1"), "-3.5;-4.25", "0", "5;6", "4;5");
    scores(run.row("grammar", "grammar-2"), "-9.0;-2.5", "1", "3;3", "3;3");

    SetLosses grammar = run.validate().sets().get("grammar");

    assertThat(grammar.answers()).hasSize(2);
    SetLosses.Answer first = grammar.answers().get(0);
    assertThat(first.logprobs()).containsExactly(-3.5, -4.25);
    assertThat(first.label()).isZero();
    assertThat(first.bytes()).containsExactly(5, 6);
    assertThat(first.tokens()).containsExactly(4, 5);
    assertThat(grammar.answers().get(1).label()).isEqualTo(1);
    assertThat(run.validate().sets().get("heldout/legal").answers()).isNull();
  }

  @Test
  void refusesAnswerScoresThatAreIncompleteMisplacedOrMalformed() throws Exception {
    run.header.addAll(AnswerScoreFields.COLUMNS);
    scores(run.row("grammar", "grammar-1"), "-3.5;-4.25", "0", "5;6", "4;5");
    refused(run::validate)
        .hasMessage(
            "losses.csv: set 'grammar' gives answer scores for 1 of its 2 examples; give them for"
                + " every example or none");
    scores(run.row("grammar", "grammar-2"), "-9.0;-2.5", "2", "3;3", "3;3");
    refused(run::validate).hasMessageEndingWith("answerLabel 2 is not in [0, 1]");
    scores(run.row("grammar", "grammar-2"), "-9.0;-2.5", "1", "3", "3;3");
    refused(run::validate).hasMessageContaining("must list the same number of continuations");
    scores(run.row("grammar", "grammar-2"), "-9.0;-2.5", "1", "3;3", "");
    refused(run::validate).hasMessageContaining("gives some of answerLogprobs");
    // -4294967295 would wrap to 1 as an int: a negative length is refused however large
    scores(run.row("grammar", "grammar-2"), "-9.0;-2.5", "1", "3;-4294967295", "3;3");
    refused(run::validate).hasMessageContaining("grammar-2");
    scores(run.row("grammar", "grammar-2"), "-9.0;-2.5", "1", "3;3", "3;3");
    scores(run.row("heldout/legal", "legal-0009"), "-1.0", "0", "3", "3");
    refused(run::validate)
        .hasMessageEndingWith(
            "gives answer scores, but set 'heldout/legal' is not an answer or choice set");
  }

  private static void scores(
      java.util.Map<String, String> row,
      String logprobs,
      String label,
      String bytes,
      String tokens) {
    row.put("answerLogprobs", logprobs);
    row.put("answerLabel", label);
    row.put("answerBytes", bytes);
    row.put("answerTokens", tokens);
  }

  @Test
  void namesAMissingOrUnreadableFile() throws Exception {
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("result.json is missing from the output directory");
    run.write();
    Files.delete(out.resolve("losses.csv"));
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("losses.csv is missing from the output directory");
    Files.createDirectory(out.resolve("losses.csv"));
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("losses.csv is not a regular file (a link, directory or device)");
  }

  @Test
  void refusesOutputFilesThatAreLinks() throws Exception {
    run.write();
    Path elsewhere = Files.writeString(dir.resolve("result.json"), "{}");
    Files.delete(out.resolve("result.json"));
    Files.createSymbolicLink(out.resolve("result.json"), elsewhere);
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("result.json is not a regular file (a link, directory or device)");
  }

  @Test
  void namesResultJsonThatIsNotJson() throws Exception {
    run.write();
    Files.writeString(out.resolve("result.json"), "{\"contract\": ");
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessageStartingWith("result.json is unreadable: not JSON");
  }

  @Test
  void namesAMissingSetOrExample() throws Exception {
    run.rows.removeIf(r -> r.get("evalSet").equals("grammar"));
    refused(run::validate).hasMessage("losses.csv: evaluation set 'grammar' is missing");

    run = new RunFixture(out);
    run.rows.remove(run.row("heldout/legal", "legal-0019"));
    refused(run::validate)
        .hasMessage(
            "losses.csv: set 'heldout/legal' is missing example 'legal-0019' (1 of 3 missing)");
  }

  @Test
  void namesAnExampleGivenTwiceAndUnknownSetsAndExamples() throws Exception {
    run.rows.add(run.row("grammar", "grammar-2"));
    refused(run::validate)
        .hasMessage("losses.csv row 8: set 'grammar' example 'grammar-2' is given twice");

    run = new RunFixture(out);
    run.row("grammar", "grammar-2").put("evalSet", "quiz");
    refused(run::validate).hasMessage("losses.csv row 5: unknown evaluation set 'quiz'");

    run = new RunFixture(out);
    run.row("grammar", "grammar-2").put("exampleId", "grammar-9");
    refused(run::validate).hasMessage("losses.csv row 5: set 'grammar' has no example 'grammar-9'");
  }

  @Test
  void namesLossesThatAreNotFiniteOrNegative() throws Exception {
    for (String bad : new String[] {"nan", "NaN", "inf", "-Infinity", "1e39"}) {
      run.row("grammar", "grammar-1").put("loss", bad);
      refused(run::validate)
          .hasMessageStartingWith("losses.csv row 4: set 'grammar' example 'grammar-1' has loss ")
          .hasMessageEndingWith(", not finite");
    }
    run.row("grammar", "grammar-1").put("loss", "-0.5");
    refused(run::validate)
        .hasMessage("losses.csv row 4: set 'grammar' example 'grammar-1' has a negative loss -0.5");
    run.row("grammar", "grammar-1").put("loss", "1.0f");
    refused(run::validate)
        .hasMessage(
            "losses.csv row 4: set 'grammar' example 'grammar-1': loss '1.0f' is not a number");
  }

  @Test
  void answersArePresentExactlyOnSetsWithAnswers() throws Exception {
    run.row("grammar", "grammar-1").put("correct", "");
    refused(run::validate)
        .hasMessage(
            "losses.csv row 4: set 'grammar' example 'grammar-1' lacks correct/chance, which set"
                + " 'grammar' needs");

    run = new RunFixture(out);
    run.row("heldout/legal", "legal-0009").put("chance", "0.5");
    refused(run::validate)
        .hasMessage(
            "losses.csv row 1: set 'heldout/legal' example 'legal-0009' gives correct/chance, but"
                + " set 'heldout/legal' has no answers");

    run = new RunFixture(out);
    run.row("grammar", "grammar-2").put("correct", "yes");
    refused(run::validate)
        .hasMessage(
            "losses.csv row 5: set 'grammar' example 'grammar-2': correct must be true or false,"
                + " is 'yes'");

    run = new RunFixture(out);
    run.row("images/digits-test", "digit-3").put("chance", "0.25");
    refused(run::validate)
        .hasMessage(
            "losses.csv row 7: set 'images/digits-test' example 'digit-3' gives chance 0.25, set"
                + " 'images/digits-test' has chance 0.1");
  }

  @Test
  void theHeaderHasTheAnswerColumnsWhenASetHasAnswers() throws Exception {
    run.header.removeAll(java.util.List.of("correct", "chance"));
    refused(run::validate)
        .hasMessage("losses.csv: the header lacks correct,chance, which set 'grammar' needs");
    run.header.add("correct");
    refused(run::validate).hasMessage("losses.csv: columns correct and chance go together");
  }

  @Test
  void marginsOnlyOnImageSetsAndForEveryExample() throws Exception {
    run.row("grammar", "grammar-1").put("margin", "0.3");
    refused(run::validate)
        .hasMessage(
            "losses.csv row 4: set 'grammar' example 'grammar-1' gives a margin, but set 'grammar'"
                + " is not an image set");

    run = new RunFixture(out);
    run.row("images/digits-test", "digit-3").put("margin", "");
    refused(run::validate)
        .hasMessage(
            "losses.csv: set 'images/digits-test' gives margins, but none for example 'digit-3'");
  }

  @Test
  void namesTheColumnThatIsNotTheRuns() throws Exception {
    run.row("grammar", "grammar-1").put("scale", "d128-L4");
    refused(run::validate)
        .hasMessage("losses.csv row 4: column 'scale' is 'd128-L4', not the run's 'd64-L2'");

    run = new RunFixture(out);
    run.row("grammar", "grammar-1").put("distribution", "mix-4");
    refused(run::validate)
        .hasMessage("losses.csv row 4: column 'distribution' is 'mix-4', not the run's 'mix-3'");

    run = new RunFixture(out);
    run.row("grammar", "grammar-1").put("seed", "1");
    refused(run::validate).hasMessage("losses.csv row 4: column 'seed' is 1, not the run's 0");
  }

  @Test
  void paramsAndTokensArePositiveAndThoseOfTheResult() throws Exception {
    run.row("grammar", "grammar-1").put("params", "136960");
    refused(run::validate)
        .hasMessage("losses.csv row 4: column 'params' is 136960, result.json says 99968");

    run = new RunFixture(out);
    run.row("grammar", "grammar-1").put("tokens", "0");
    refused(run::validate).hasMessage("losses.csv row 4: column 'tokens' must be positive, is 0");

    run = new RunFixture(out);
    run.row("grammar", "grammar-1").put("tokens", "2e6");
    refused(run::validate)
        .hasMessage("losses.csv row 4: column 'tokens' is not a whole number: '2e6'");

    run = new RunFixture(out);
    run.result.put("tokens", 0);
    refused(run::validate).hasMessage("result.json: field 'tokens' must be positive, is 0");
  }

  @Test
  void theHeaderNamesOnlyKnownColumnsOnceAndEveryRequiredOne() throws Exception {
    run.header.add("notes");
    refused(run::validate).hasMessage("losses.csv: unknown column 'notes' in the header");
    run.header.remove("notes");
    run.header.add("loss");
    refused(run::validate).hasMessage("losses.csv: column 'loss' appears twice");
    run.header.remove(run.header.size() - 1);
    run.header.remove("exampleId");
    refused(run::validate).hasMessage("losses.csv: the header lacks column(s) exampleId");
  }

  @Test
  void rowsHaveTheHeadersWidth() throws Exception {
    run.write();
    Files.writeString(
        out.resolve("losses.csv"), "\nd64-L2,1\n", java.nio.file.StandardOpenOption.APPEND);
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("losses.csv row 8: has 2 fields, the header 11");
  }

  @Test
  void anEmptyOrMalformedLossesFileIsUnreadable() throws Exception {
    run.write();
    Files.writeString(out.resolve("losses.csv"), "");
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("losses.csv is empty: it needs a header and a row per example");
    Files.write(out.resolve("losses.csv"), new byte[] {'s', 'c', (byte) 0xC3, '\n'});
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessageStartingWith("losses.csv is unreadable: ");
  }

  @Test
  void refusesALossesFileLargerThanItsRowsNeed() throws Exception {
    run.write();
    // 7 expected rows plus the header: at most 8 KiB
    Files.writeString(out.resolve("losses.csv"), "x".repeat(8 * 1024 + 1));
    refused(() -> OutputValidator.validate(RunFixture.spec(), out, RunFixture.IDS))
        .hasMessage("losses.csv is 8193 bytes, more than the 8192 bytes it may take");
  }

  @Test
  void refusesALineOverTheLimit() throws Exception {
    run.row("grammar", "grammar-1").put("exampleId", "g".repeat(LossesReader.MAX_LINE));
    refused(run::validate)
        .hasMessage("losses.csv is unreadable: line 5 is longer than 2048 characters");
  }

  @Test
  void checkpointPathsStayInsideTheOutputDirectory() throws Exception {
    Files.createDirectories(out.resolve("checkpoints"));
    Files.writeString(out.resolve("checkpoints/final.pt"), "weights");
    run.result.putArray("checkpoints").add("checkpoints/final.pt");
    assertThat(run.validate().result().checkpoints()).containsExactly("checkpoints/final.pt");

    run.result.putArray("checkpoints").add("/etc/passwd");
    refused(run::validate)
        .hasMessage(
            "path '/etc/passwd' in result.json is absolute; paths are relative to outputDir");
    run.result.putArray("checkpoints").add("checkpoints/../../secret");
    refused(run::validate)
        .hasMessage("path 'checkpoints/../../secret' in result.json contains '..'");
    run.result.putArray("checkpoints").add("checkpoints/missing.pt");
    refused(run::validate)
        .hasMessage("path 'checkpoints/missing.pt' in result.json names no file of outputDir");

    Path secret = Files.writeString(dir.resolve("secret"), "not the trainer's");
    Files.createSymbolicLink(out.resolve("checkpoints/link.pt"), secret);
    run.result.putArray("checkpoints").add("checkpoints/link.pt");
    refused(run::validate)
        .hasMessage(
            "path 'checkpoints/link.pt' in result.json resolves outside outputDir (to "
                + secret.toRealPath()
                + ")");
    Files.createSymbolicLink(out.resolve("up"), dir);
    run.result.putArray("checkpoints").add("up/secret");
    refused(run::validate)
        .hasMessage(
            "path 'up/secret' in result.json resolves outside outputDir (to "
                + secret.toRealPath()
                + ")");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return assertThatThrownBy(call).isInstanceOf(ContractViolation.class);
  }
}
