package io.s2l.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.api.study.StudyView;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A study's server-sent events read from a live stream, as the service writes them. */
class StudyEventStreamTest {

  private static final UUID STUDY = UUID.fromString("7b1c2a4e-1f0a-4c39-9a53-2d5f6e7a8b91");
  private static final String EVENTS = "/api/v1/studies/" + STUDY + "/events";

  private final TestServer server = new TestServer();
  private final S2lClient client = server.client("key-1");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readsProgressEventsSkippingCommentsAndOtherEvents() {
    String body =
        ":heartbeat\n\n"
            + "event:progress\ndata:"
            + StudiesApiTest.study(STUDY, "QUEUED")
            + "\n\n"
            + "event: other\ndata: {\"x\":1}\n\n"
            + "id: 7\nevent: progress\ndata: {\"id\":\""
            + STUDY
            + "\",\"name\":\"s\",\n"
            + "data: \"status\":\"COMPLETED\",\"progress\":{\"jobsTotal\":4,\"jobsDone\":4,"
            + "\"jobsRunning\":0,\"fraction\":1.0}}\n\n"
            + "event:progress\ndata:{\"unfinished\"";
    server.answer(EVENTS, 200, "text/event-stream", body);
    try (StudyEventStream events = client.studies().events(STUDY)) {
      assertThat(events.stream())
          .extracting(e -> e.id(), e -> e.name(), e -> e.study().status())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(null, "progress", "QUEUED"),
              org.assertj.core.groups.Tuple.tuple("7", "progress", "COMPLETED"));
      assertThat(events.hasNext()).isFalse();
    }
    assertThat(server.requests.get(0).headers().getFirst("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void anEventArrivesBeforeTheStreamEndsAndClosingEndsAWait() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    server.answer(
        EVENTS,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write(
              ("event:progress\ndata:" + StudiesApiTest.study(STUDY, "TRAINING") + "\n\n")
                  .getBytes(StandardCharsets.UTF_8));
          out.flush();
          try {
            released.await(10, TimeUnit.SECONDS); // the stream stays open, as a live one does
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    StudyEventStream events = client.studies().events(STUDY);
    StudyView first = events.next().study();
    assertThat(first.status()).isEqualTo("TRAINING");
    Thread closer = new Thread(events::close);
    long start = System.nanoTime();
    closer.start();
    assertThat(events.hasNext()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    released.countDown();
    closer.join();
  }

  @Test
  void aRefusedStreamIsAProblem() {
    server.answer(
        EVENTS,
        429,
        "application/problem+json",
        "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
            + "\"detail\":\"this key already holds 4 event streams open\"}");
    assertThatThrownBy(() -> client.studies().events(STUDY))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TOO_MANY_REQUESTS);
              assertThat(e.getMessage()).contains("4 event streams open");
            });
  }
}
