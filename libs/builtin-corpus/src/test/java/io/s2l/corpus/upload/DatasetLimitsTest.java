package io.s2l.corpus.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLimitsTest {

  /** 64 MiB of one byte and no line break, made as it is read; counts what was read. */
  private static final class NoLineBreak extends InputStream {
    long read;

    @Override
    public int read() {
      return read++ < 64L << 20 ? 'a' : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = (int) Math.min(len, (64L << 20) - read);
      if (n <= 0) {
        return -1;
      }
      java.util.Arrays.fill(b, off, off + n, (byte) 'a');
      read += n;
      return n;
    }
  }

  @Test
  void aLineLongerThanTheLimitStopsTheReadingThere() {
    NoLineBreak upload = new NoLineBreak();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(
            () ->
                DatasetCheck.check(upload, DatasetKind.CORPUS, out, new DatasetLimits(1 << 20, 10)))
        .isInstanceOfSatisfying(
            DatasetLimitExceededException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(DatasetLimitExceededException.Limit.LINE_BYTES);
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.value()).isEqualTo(1 << 20);
            });
    // one read buffer past the limit at most, never the whole line
    assertThat(upload.read).isLessThanOrEqualTo((1 << 20) + (1 << 16));
    assertThat(out.size()).isZero();
  }

  @Test
  void aRecordPastTheLimitIsRefusedNamingItsLine() {
    String lines =
        "{\"domain\": \"a\", \"text\": \"one\"}\n\n"
            + "{\"domain\": \"a\", \"text\": \"two\"}\r\n"
            + "{\"domain\": \"a\", \"text\": \"three\"}\n";
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(
            () ->
                DatasetCheck.check(
                    in, DatasetKind.CORPUS, new ByteArrayOutputStream(), new DatasetLimits(100, 2)))
        .isInstanceOfSatisfying(
            DatasetLimitExceededException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(DatasetLimitExceededException.Limit.RECORDS);
              assertThat(e.line()).isEqualTo(4);
            });
  }

  @Test
  void theIndexOfACorpusIsWhatItsFileGives(@TempDir Path dir) throws Exception {
    StringBuilder lines = new StringBuilder();
    // "late" is seen first but reaches its tenth document last: its held-out set still comes first
    lines.append("{\"domain\": \"late\", \"text\": \"first\"}\n");
    for (int i = 0; i < 25; i++) {
      lines.append("{\"domain\": \"big\", \"text\": \"doc ").append(i).append("\"}\n");
    }
    for (int i = 0; i < 12; i++) {
      lines
          .append("{\"domain\": \"late\", \"text\": \"late ")
          .append(i)
          .append("\", \"id\": \"L")
          .append(i)
          .append("\"}\n");
    }
    lines.append("{\"domain\": \"small\", \"text\": \"only\"}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DatasetCheck.Summary summary =
        DatasetCheck.check(
            new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
            DatasetKind.CORPUS,
            out,
            DatasetLimits.DEFAULTS);
    Path file = dir.resolve("c.jsonl");
    Files.write(file, out.toByteArray());
    UploadedCorpus corpus = UploadedCorpus.read(file);

    CorpusIndex index = summary.index();
    assertThat(index.domains()).containsExactlyElementsOf(corpus.train().keySet());
    assertThat(index.heldoutDomains()).containsExactlyElementsOf(corpus.heldout().keySet());
    assertThat(index.heldoutDomains()).containsExactly("late", "big");
    assertThat(index.ids())
        .containsExactlyElementsOf(
            corpus.train().values().stream().flatMap(List::stream).map(d -> d.id()).toList());
    assertThat(CorpusIndex.read(file)).isEqualTo(index);
  }
}
