package io.s2l.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each refusal the API documents becomes an ApiException of its kind, keeping the problem. */
class ProblemMappingTest {

  private static final UUID STUDY = UUID.fromString("7b1c2a4e-1f0a-4c39-9a53-2d5f6e7a8b91");
  private static final String PROBLEM = "application/problem+json";

  private final TestServer server = new TestServer();
  private final S2lClient client = server.client("key-1");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRefusedDefinitionKeepsEveryFieldAndReason() {
    server.answer(
        "/api/v1/studies",
        400,
        PROBLEM,
        """
        {"type":"about:blank","title":"Bad Request","status":400,
         "detail":"the study definition has 2 errors","errorCount":2,
         "errors":[{"field":"scales[1].heads","reason":"must divide width 48"},
                   {"field":"seeds","reason":"must be from 1 to 10"}]}""");
    ApiException e = catchThrowableOfType(ApiException.class, () -> client.studies().submit("{}"));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.kind()).isEqualTo(ApiException.Kind.BAD_REQUEST);
    assertThat(e.problem())
        .get()
        .extracting(Problem::title, Problem::errorCount)
        .containsExactly("Bad Request", 2);
    assertThat(e.errors())
        .extracting(ProblemError::describe)
        .containsExactly("scales[1].heads: must divide width 48", "seeds: must be from 1 to 10");
    assertThat(e.getMessage())
        .contains("POST", "answered 400", "the study definition has 2 errors")
        .contains("scales[1].heads: must divide width 48");
  }

  @Test
  void eachDocumentedStatusHasItsKind() {
    Map<Integer, ApiException.Kind> kinds =
        Map.of(
            401, ApiException.Kind.UNAUTHORIZED,
            403, ApiException.Kind.FORBIDDEN,
            404, ApiException.Kind.NOT_FOUND,
            409, ApiException.Kind.CONFLICT,
            412, ApiException.Kind.PRECONDITION_FAILED,
            413, ApiException.Kind.TOO_LARGE,
            429, ApiException.Kind.TOO_MANY_REQUESTS,
            500, ApiException.Kind.SERVER_ERROR,
            418, ApiException.Kind.OTHER);
    kinds.forEach(
        (status, kind) -> {
          server.answer(
              "/api/v1/studies/" + STUDY + "/cancel",
              status,
              PROBLEM,
              "{\"type\":\"about:blank\",\"title\":\"T"
                  + status
                  + "\",\"status\":"
                  + status
                  + ",\"limit\":5,\"property\":\"s2l.experiment.x\",\"quota\":\"q\"}");
          ApiException e =
              catchThrowableOfType(ApiException.class, () -> client.studies().cancel(STUDY));
          assertThat(e.kind()).as("status %d", status).isEqualTo(kind);
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.problem().orElseThrow().title()).isEqualTo("T" + status);
          assertThat(e.problem().orElseThrow().limit()).isEqualTo(5L);
          assertThat(e.problem().orElseThrow().property()).isEqualTo("s2l.experiment.x");
          assertThat(e.errors()).isEmpty();
        });
  }

  @Test
  void aBodyThatIsNoProblemIsQuotedAndTheStatusStillCounts() {
    server.answer("/api/v1/studies/" + STUDY, 502, "text/html", "<html>bad gateway</html>");
    ApiException e = catchThrowableOfType(ApiException.class, () -> client.study(STUDY));
    assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER_ERROR);
    assertThat(e.problem()).isEmpty();
    assertThat(e.getMessage()).contains("answered 502: <html>bad gateway</html>");
  }

  @Test
  void aServiceThatIsNotThereIsUnreachable() {
    String url = server.url();
    server.close();
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> new S2lClient(url, url, "k").study(STUDY));
    assertThat(e.kind()).isEqualTo(ApiException.Kind.UNREACHABLE);
    assertThat(e.status()).isZero();
  }

  @Test
  void anAnswerThatIsNotTheExpectedDocumentIsUnreadable() {
    server.answer("/api/v1/studies/" + STUDY, 200, "application/json", "[1, 2]");
    ApiException e = catchThrowableOfType(ApiException.class, () -> client.study(STUDY));
    assertThat(e.kind()).isEqualTo(ApiException.Kind.UNREADABLE);
    assertThat(e.getMessage()).contains("unreadable StudyView");
  }
}
