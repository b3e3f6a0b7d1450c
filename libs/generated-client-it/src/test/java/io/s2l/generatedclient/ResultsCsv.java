package io.s2l.generatedclient;

import io.s2l.generated.analysis.model.ImportDocument;
import io.s2l.generated.analysis.model.ImportRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A results file in the import's CSV format read into the generated client's JSON import body, so
 * that the upload itself goes through the generated request classes.
 */
final class ResultsCsv {

  private static final String HEADER =
      "scale,params,tokens,distribution,seed,evalSet,exampleId,loss,correct,chance";

  private ResultsCsv() {}

  static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    if (!lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(csv + " does not start with " + HEADER);
    }
    return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
  }

  static ImportDocument document(List<String[]> rows) {
    ImportDocument document = new ImportDocument();
    for (String[] r : rows) {
      document.addRowsItem(
          new ImportRow()
              .scale(r[0])
              .params(Long.parseLong(r[1]))
              .tokens(Long.parseLong(r[2]))
              .distribution(r[3])
              .seed(Long.parseLong(r[4]))
              .evalSet(r[5])
              .exampleId(r[6])
              .loss(Double.parseDouble(r[7]))
              .correct(r[8].isEmpty() ? null : r[8].equals("1"))
              .chance(r[9].isEmpty() ? null : Double.parseDouble(r[9])));
    }
    return document;
  }
}
