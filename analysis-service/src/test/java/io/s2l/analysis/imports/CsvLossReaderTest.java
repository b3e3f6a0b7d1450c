package io.s2l.analysis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvLossReaderTest {

  private static LossTable read(String csv, String reference) {
    return CsvLossReader.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), reference);
  }

  private static ImportRejectedException rejected(String csv, String reference) {
    return catchThrowableOfType(() -> read(csv, reference), ImportRejectedException.class);
  }

  @Test
  void aCompleteTableBecomesOneArrayPerRunAndEvaluationSet() {
    LossTable table = read(ImportTables.validCsv(), "l");

    assertThat(table.rows()).isEqualTo(2 * 4 * 2 * 10);
    assertThat(table.scales()).containsExactly("xs", "l");
    assertThat(table.distributions()).containsExactly("d0", "d1", "d2", "d3");
    assertThat(table.seeds()).containsExactly(0L, 1L);
    assertThat(table.evalSets())
        .extracting(LossTable.EvalSet::name)
        .containsExactly("text", "quiz");
    assertThat(table.evalSets().get(1).chance()).isEqualTo(0.25);
    assertThat(table.evalSets().get(0).chance()).isNull();
    LossTable.Cell quiz = table.cells().get(LossTable.cellKey("xs", "d1", 1, "quiz"));
    assertThat(quiz.losses()).hasSize(5);
    assertThat(quiz.losses()[2]).isEqualTo((float) (2.0 + 0.3 + 0.1 + 1.0 + 0.01 + 0.5));
    assertThat(quiz.correct()).containsExactly(false, true, false, true, false);
    assertThat(table.cells().get(LossTable.cellKey("xs", "d1", 1, "text")).correct()).isNull();
    assertThat(table.tokens().get(LossTable.runKey("l", "d3", 0))).isEqualTo(20000);
  }

  @Test
  void columnsMayComeInAnyOrderAndFieldsMayBeQuoted() {
    String csv =
        ImportTables.validCsv()
            .replaceFirst(
                "scale,params,tokens,distribution,seed,evalSet,exampleId,loss,correct,chance",
                "scale,params,tokens,distribution,seed,evalSet,exampleId,loss,correct,chance")
            .replace(",t0,", ",\"t,0\",");
    LossTable table = read(csv, "l");
    assertThat(table.evalSets().get(0).exampleIds()).contains("t,0");
  }

  @Test
  void aTrainersMarginColumnIsAcceptedAndNotRead() {
    String[] lines = ImportTables.validCsv().split("\n");
    StringBuilder csv = new StringBuilder(lines[0]).append(",margin\n");
    for (int i = 1; i < lines.length; i++) {
      csv.append(lines[i]).append(",").append(i % 3 == 0 ? "" : "0.75").append('\n');
    }
    LossTable withMargins = read(csv.toString(), "l");
    LossTable without = read(ImportTables.validCsv(), "l");
    assertThat(withMargins.rows()).isEqualTo(without.rows());
    String key = LossTable.cellKey("xs", "d1", 1, "quiz");
    assertThat(withMargins.cells().get(key).losses()).isEqualTo(without.cells().get(key).losses());
  }

  @Test
  void everyBadRowIsNamedWithItsColumnAndReason() {
    String csv =
        "scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n"
            + "xs,100,2000,d0,0,text,t0,2.5\n"
            + "xs,-3,2000,d0,0,text,t1,2.5\n"
            + "xs,100,2000,d0,zero,text,t2,2.5\n"
            + "xs,100,2000,d0,0,text,t3,NaN\n"
            + "xs,100,2000,d0,0,text,t4\n"
            + "xs,200,2000,d0,0,text,t5,1\n"
            + "xs,100,2000,d0,0,text,t0,2.5\n"
            + ",100,2000,d0,0,text,t6,2.5\n";
    ImportRejectedException e = rejected(csv, "l");
    assertThat(e.errors())
        .extracting(err -> err.row() + ":" + err.column())
        .containsExactly(
            "2:params", "3:seed", "4:loss", "5:null", "6:params", "7:exampleId", "8:scale");
    assertThat(e.errors().get(3).reason()).isEqualTo("expected 8 fields, found 7");
    assertThat(e.errors().get(4).reason())
        .contains("200 differs from earlier rows of scale 'xs' (100)");
    assertThat(e.errorCount()).isEqualTo(7);
  }

  @Test
  void aMissingCellIsReportedWithTheFirstMissingExample() {
    String csv =
        ImportTables.validCsv()
            .lines()
            .filter(l -> !l.startsWith("xs,100,2000,d2,1,text,t3,"))
            .reduce("", (a, b) -> a + b + "\n");
    ImportRejectedException e = rejected(csv, "l");
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).reason())
        .isEqualTo(
            "scale xs, distribution d2, seed 1, evaluation set text: 1 of 5 examples missing (first: 't3')");
  }

  @Test
  void theReferenceMustExistAndBeTheLargest() {
    assertThat(rejected(ImportTables.validCsv(), "xxl").errors().get(0).reason())
        .startsWith("names no scale");
    assertThat(rejected(ImportTables.validCsv(), "xs").errors().get(0).reason())
        .startsWith("the reference must have the most params");
    assertThat(rejected(ImportTables.validCsv(), null).errors().get(0).column())
        .isEqualTo("reference");
  }

  @Test
  void aBadHeaderIsRefusedBeforeAnyRow() {
    ImportRejectedException e =
        rejected(
            "scale,params,tokens,distribution,seed,evalSet,loss,colour\nxs,1,1,d,0,e,1,red\n", "l");
    assertThat(e.errors()).extracting(ImportError::column).containsExactly("colour", "exampleId");
    assertThatThrownBy(() -> read("", "l"))
        .isInstanceOf(ImportRejectedException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void correctAndChanceComeTogether() {
    String csv =
        "scale,params,tokens,distribution,seed,evalSet,exampleId,loss,correct,chance\n"
            + "xs,100,2000,d0,0,quiz,q0,2.5,1,\n"
            + "xs,100,2000,d0,0,quiz,q1,2.5,,0.25\n"
            + "xs,100,2000,d0,0,quiz,q2,2.5,maybe,0.25\n"
            + "xs,100,2000,d0,0,quiz,q3,2.5,1,1.5\n";
    assertThat(rejected(csv, "l").errors())
        .extracting(err -> err.row() + ":" + err.column())
        .containsExactly("1:chance", "2:correct", "3:correct", "4:chance");
  }

  @Test
  void splitFollowsRfc4180() {
    String[] fields = new String[4];
    assertThat(CsvLossReader.split("a,\"b,\"\"c\"\"\",,d", fields)).isEqualTo(4);
    assertThat(fields).containsExactly("a", "b,\"c\"", "", "d");
    assertThat(CsvLossReader.split("a,b,", fields)).isEqualTo(3);
    assertThat(fields[2]).isEmpty();
  }
}
