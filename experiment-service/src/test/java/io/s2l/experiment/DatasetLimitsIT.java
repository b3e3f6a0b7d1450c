package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads built to cost the service: a 64 MiB line with no line break, more records than allowed.
 * Each is refused with 413 naming the property as soon as the limit is passed, and leaves no row
 * and no file behind.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "s2l.experiment.artifacts=target/artifacts-limits",
      "s2l.experiment.max-dataset-records=5"
    })
class DatasetLimitsIT {

  private static final Path DATASETS = Path.of("target/artifacts-limits/datasets");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void a64MiBUploadWithNoLineBreakIs413NamingTheLineLimit() throws Exception {
    long before = datasets();
    List<Path> files = files();
    String response = upload(64L << 20, 'a');

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"property\":\"s2l.experiment.max-dataset-line-size\"");
    assertThat(response).contains("\"limit\":" + (4 << 20));
    assertNothingKept(before, files);
  }

  @Test
  void moreRecordsThanTheLimitAre413NamingIt() throws Exception {
    String line = "{\"domain\": \"news\", \"text\": \"words\"}\n";
    byte[] body = line.repeat(6).getBytes(StandardCharsets.UTF_8);
    long before = datasets();
    List<Path> files = files();

    String response = upload(body.length, body);

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"property\":\"s2l.experiment.max-dataset-records\"");
    assertThat(response).contains("line 6 is past the limit of 5 records");
    assertNothingKept(before, files);
  }

  private long datasets() {
    return jdbc.queryForObject("SELECT count(*) FROM experiment.dataset", Long.class);
  }

  private void assertNothingKept(long before, List<Path> files) throws IOException {
    assertThat(datasets()).isEqualTo(before);
    assertThat(files()).isEqualTo(files);
  }

  /** The files of the artifact store's dataset folder, temporary ones included. */
  private static List<Path> files() throws IOException {
    if (!Files.isDirectory(DATASETS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(DATASETS)) {
      return files.sorted().toList();
    }
  }

  private String upload(long length, char fill) throws Exception {
    byte[] chunk = new byte[1 << 16];
    Arrays.fill(chunk, (byte) fill);
    return send(length, chunk);
  }

  private String upload(long length, byte[] body) throws Exception {
    return send(length, body);
  }

  /**
   * Posts {@code length} bytes (repeating {@code chunk}) on a plain socket while reading the
   * answer: the server answers, and closes, long before a large body is sent, which an HTTP client
   * writing its whole body first would see as a broken connection.
   */
  private String send(long length, byte[] chunk) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/datasets?kind=corpus HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + TestKeys.ADMIN
                  + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                  + length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (long sent = 0; sent < length; ) {
                    int n = (int) Math.min(chunk.length, length - sent);
                    out.write(chunk, 0, n);
                    sent += n;
                  }
                  out.flush();
                } catch (IOException e) {
                  // the server answered and closed the connection: what this test expects
                }
              });
      writer.start();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // a reset after the answer: keep what was read
      }
      socket.close();
      writer.join(60_000);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
