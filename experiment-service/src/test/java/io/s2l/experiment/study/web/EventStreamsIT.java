package io.s2l.experiment.study.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Event streams over real connections: capped per key and in all (429 naming the property), one
 * poll per study however many streams watch it, and a client that goes away without a word frees
 * its place within seconds while its study sits idle.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "s2l.experiment.streams.max-per-key=2",
      "s2l.experiment.streams.max=3",
      "s2l.experiment.streams.heartbeat=500ms"
    })
class EventStreamsIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  /** A study of 4 training jobs; no worker runs here, so it stays queued. */
  private static final String STUDY =
      """
      {"name": "streams",
       "distributions": [
         {"name": "lit", "weights": {"literature": 1.0}},
         {"name": "code", "weights": {"code": 1.0}},
         {"name": "legal", "weights": {"legal": 1.0}}],
       "scales": [
         {"name": "xs", "width": 16, "depth": 1, "heads": 2, "context": 32},
         {"name": "s", "width": 32, "depth": 1, "heads": 2, "context": 32}],
       "referenceScale": "s",
       "tokensPerParam": 2,
       "seeds": [0]}
      """;

  @Autowired TestRestTemplate http;
  @Autowired StudyWatches watches;
  @LocalServerPort int port;

  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeAll() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
  }

  @Test
  void streamsAreCappedSharePollsAndEndWhenTheClientGoesAway() throws Exception {
    String study = submit();
    String second = adminKey();

    Stream a1 = open(study, TestKeys.ADMIN);
    Stream a2 = open(study, TestKeys.ADMIN);
    assertThat(a1.status).isEqualTo(200);
    assertThat(a2.status).isEqualTo(200);
    assertThat(a1.nextEvent()).isEqualTo("progress");
    assertThat(a2.nextEvent()).isEqualTo("progress");

    Stream a3 = open(study, TestKeys.ADMIN);
    assertThat(a3.status).isEqualTo(429);
    assertThat(a3.body()).contains("s2l.experiment.streams.max-per-key");

    Stream b1 = open(study, second);
    assertThat(b1.status).isEqualTo(200);
    assertThat(b1.nextEvent()).isEqualTo("progress");
    Stream b2 = open(study, second);
    assertThat(b2.status).isEqualTo(429);
    assertThat(b2.body()).contains("\"quota\":\"s2l.experiment.streams.max\"");

    assertThat(watches.open()).isEqualTo(3);
    assertThat(watches.polled()).as("one poll for the three streams of one study").isEqualTo(1);

    a1.socket.close(); // gone without a word; the study is idle (queued, no worker)
    a2.socket.close();
    awaitUntil(() -> watches.open(), 1, Duration.ofSeconds(10));
    Stream again = open(study, TestKeys.ADMIN);
    assertThat(again.status).isEqualTo(200);
    assertThat(again.nextEvent()).isEqualTo("progress");

    b1.socket.close();
    again.socket.close();
    awaitUntil(() -> watches.open(), 0, Duration.ofSeconds(10));
    assertThat(watches.polled()).as("the poll stops with its last stream").isZero();
  }

  private static void awaitUntil(IntSupplier value, int expected, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (value.getAsInt() != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(value.getAsInt()).isEqualTo(expected);
  }

  private String submit() {
    ResponseEntity<JsonNode> submitted =
        http.postForEntity("/api/v1/studies", new HttpEntity<>(STUDY, json()), JsonNode.class);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    return submitted.getBody().get("id").asText();
  }

  private String adminKey() {
    ResponseEntity<JsonNode> created =
        http.postForEntity(
            "/api/v1/keys",
            new HttpEntity<>(
                "{\"owner\": \"ops\", \"name\": \"second admin\", \"role\": \"ADMIN\"}", json()),
            JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("secret").asText();
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  /** A stream opened over a plain socket, so that the test can drop it as a vanished client. */
  private Stream open(String study, String key) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    sockets.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/v1/studies/"
                + study
                + "/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + key
                + "\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    int status = Integer.parseInt(in.readLine().split(" ")[1]);
    String line;
    while (!(line = in.readLine()).isEmpty()) {
      // headers
    }
    return new Stream(socket, in, status);
  }

  private record Stream(Socket socket, BufferedReader in, int status) {

    /** The name of the next event, skipping comments and chunk sizes. */
    String nextEvent() throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event:")) {
          return line.substring("event:".length());
        }
      }
      return null;
    }

    /** The rest of a refused answer. */
    String body() throws IOException {
      StringBuilder body = new StringBuilder();
      char[] buffer = new char[4096];
      int n = in.read(buffer);
      while (n > 0) {
        body.append(buffer, 0, n);
        if (body.indexOf("}") >= 0) {
          break;
        }
        n = in.read(buffer);
      }
      return body.toString();
    }
  }
}
