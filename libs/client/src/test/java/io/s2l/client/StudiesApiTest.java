package io.s2l.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.api.study.StudyView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Submitting, cancelling and listing studies: the headers sent and the pages read. */
class StudiesApiTest {

  private static final UUID STUDY = UUID.fromString("7b1c2a4e-1f0a-4c39-9a53-2d5f6e7a8b91");
  private static final String JSON = "application/json";

  private final TestServer server = new TestServer();
  private final S2lClient client = server.client("key-1");

  @AfterEach
  void stop() {
    server.close();
  }

  static String study(UUID id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"s\",\"status\":\""
        + status
        + "\",\"progress\":"
        + "{\"jobsTotal\":4,\"jobsDone\":1,\"jobsRunning\":2,\"fraction\":0.4}}";
  }

  @Test
  void anIdempotencyKeyIsSentOnlyWhenGiven() {
    server.answer("/api/v1/studies", 202, JSON, study(STUDY, "QUEUED"));
    client.studies().submit("{\"name\":\"a\"}", "order-17");
    client.studies().submit("{\"name\":\"b\"}");
    assertThat(server.requests).hasSize(2);
    TestServer.Request first = server.requests.get(0);
    assertThat(first.headers().getFirst("Idempotency-Key")).isEqualTo("order-17");
    assertThat(first.headers().getFirst("Authorization")).isEqualTo("Bearer key-1");
    assertThat(first.headers().getFirst("Content-Type")).isEqualTo(JSON);
    assertThat(first.body()).isEqualTo("{\"name\":\"a\"}");
    assertThat(server.requests.get(1).headers().containsKey("Idempotency-Key")).isFalse();
  }

  @Test
  void aCancelCarriesTheETagItWasGiven() {
    server.answer(
        "/api/v1/studies/" + STUDY,
        exchange -> {
          exchange.getResponseHeaders().set("ETag", "\"3\"");
          TestServer.send(exchange, 200, JSON, study(STUDY, "TRAINING"));
        });
    server.answer("/api/v1/studies/" + STUDY + "/cancel", 202, JSON, study(STUDY, "CANCELLED"));
    Tagged<StudyView> tagged = client.studies().getTagged(STUDY);
    assertThat(tagged.etag()).isEqualTo("\"3\"");
    assertThat(client.studies().cancel(STUDY, tagged.etag()).status()).isEqualTo("CANCELLED");
    client.studies().cancel(STUDY);
    List<TestServer.Request> cancels =
        server.requests.stream().filter(r -> r.path().endsWith("/cancel")).toList();
    assertThat(cancels).extracting(TestServer.Request::method).containsOnly("POST");
    assertThat(cancels.get(0).headers().getFirst("If-Match")).isEqualTo("\"3\"");
    assertThat(cancels.get(1).headers().containsKey("If-Match")).isFalse();
  }

  @Test
  void aFilteredPageSendsOnlyTheFiltersGiven() {
    String empty = "{\"items\":[],\"page\":0,\"size\":5,\"total\":0}";
    String both = "/api/v1/studies?page=1&size=5&kind=selection&owner=team+a";
    String owner = "/api/v1/studies?page=0&size=5&owner=team-b";
    server.answer(both, 200, JSON, empty);
    server.answer(owner, 200, JSON, empty);
    client.studies().page(1, 5, "selection", "team a");
    client.studies().page(0, 5, null, "team-b");
    assertThat(server.requests).extracting(TestServer.Request::path).containsExactly(both, owner);
  }

  @Test
  void theListReadsPagesOnlyAsFarAsItIsConsumed() {
    UUID[] ids = new UUID[5];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new UUID(0, i);
    }
    String[] statuses = {"COMPLETED", "FAILED", "COMPLETED", "TRAINING", "COMPLETED"};
    for (int p = 0; p < 3; p++) {
      StringBuilder items = new StringBuilder();
      for (int i = 2 * p; i < Math.min(2 * p + 2, 5); i++) {
        items.append(items.isEmpty() ? "" : ",").append(study(ids[i], statuses[i]));
      }
      server.answer(
          "/api/v1/studies?page=" + p + "&size=100",
          200,
          JSON,
          "{\"items\":[" + items + "],\"page\":" + p + ",\"size\":2,\"total\":5}");
    }
    assertThat(client.studies().list().map(StudyView::id)).containsExactly(ids);
    int before = server.requests.size();
    assertThat(client.studies().list().findFirst())
        .get()
        .extracting(StudyView::id)
        .isEqualTo(ids[0]);
    assertThat(server.requests.size() - before).as("pages read for the first study").isOne();
    assertThat(client.studies().list(Set.of("COMPLETED")).map(StudyView::id))
        .containsExactly(ids[0], ids[2], ids[4]);
  }

  @Test
  void anEmptyListReadsOnePage() {
    server.answer(
        "/api/v1/keys?page=0&size=100",
        200,
        JSON,
        "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
    assertThat(client.keys().list()).isEmpty();
    assertThat(server.requests).hasSize(1);
  }
}
