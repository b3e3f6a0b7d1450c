package io.s2l.analysis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.s2l.stats.metrics.AnswerScores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The optional raw answer score columns of an import, in CSV and JSON. */
class AnswerColumnsTest {

  private static LossTable csv(String csv) {
    return CsvLossReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "l");
  }

  @Test
  void scoresAreKeptPerRunAndSetInExampleOrder() {
    LossTable table = csv(AnswerScoreColumns.add(ImportTables.validCsv()));

    assertThat(table.cells().get(LossTable.cellKey("xs", "d1", 1, "text")).scores()).isNull();
    LossTable.Cell quiz = table.cells().get(LossTable.cellKey("xs", "d1", 1, "quiz"));
    AnswerScores s = quiz.scores();
    assertThat(s.choices()).containsExactly(2, 2, 2, 2, 2);
    assertThat(s.labels()).containsOnly(1);
    assertThat(s.bytes()).containsOnly(4);
    assertThat(s.tokens()).containsOnly(3);
    for (int z = 0; z < 5; z++) {
      // the correct choice's log-likelihood is minus the loss times its tokens, as written
      assertThat((float) (-s.logprobs()[2 * z + 1] / 3)).isEqualTo(quiz.losses()[z]);
      assertThat(s.logprobs()[2 * z]).isEqualTo(-3 * 2.75);
    }
  }

  @Test
  void jsonRowsTakeTheSameFields() {
    String json =
        "[{\"scale\":\"xs\",\"params\":100,\"tokens\":2000,\"distribution\":\"d0\",\"seed\":0,"
            + "\"evalSet\":\"qa\",\"exampleId\":\"a\",\"loss\":1.5,\"answerLogprobs\":\"-4.5\","
            + "\"answerLabel\":0,\"answerBytes\":\"3\",\"answerTokens\":\"3\"}]";
    ImportRejectedException rejected =
        catchThrowableOfType(
            () ->
                JsonLossReader.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "xs"),
            ImportRejectedException.class);
    // one run is not a study, but the row itself was read without complaint
    assertThat(rejected.errors())
        .noneMatch(e -> e.column() != null && e.column().startsWith("answer"));
  }

  @Test
  void incompleteOrInconsistentScoresAreRefusedNamingTheRowAndColumn() {
    String[] lines = AnswerScoreColumns.add(ImportTables.validCsv()).split("\n");
    StringBuilder csv = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (i == 2) { // the first quiz row: no tokens
        line = line.substring(0, line.lastIndexOf(',')) + ",";
      } else if (i == 4) { // the second quiz row: a label out of range
        line = line.replace(",1,4;4,", ",2,4;4,");
      } else if (i == 8) { // the fourth: no scores at all, while its run and set have them
        line = line.substring(0, line.indexOf(",-")) + ",,,,";
      }
      csv.append(line).append('\n');
    }
    ImportRejectedException rejected =
        catchThrowableOfType(() -> csv(csv.toString()), ImportRejectedException.class);
    assertThat(rejected.errors())
        .extracting(e -> e.row() + " " + e.column())
        .contains("2 answerTokens", "4 answerLabel", "8 answerLogprobs");
  }
}
