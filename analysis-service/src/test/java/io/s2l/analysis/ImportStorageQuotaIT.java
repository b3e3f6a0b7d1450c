package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.ApiKeys;
import io.s2l.access.IssuedKey;
import io.s2l.access.NewApiKey;
import io.s2l.access.QuotaCharge;
import io.s2l.access.QuotaExceededException;
import io.s2l.access.Quotas;
import io.s2l.access.Role;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import io.s2l.testsupport.web.ChunkedPost;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage budget (maxStorageBytes) on imports: an import holds the bytes of its table in the
 * key's budget, with its job, in one place before the table is read; past the budget it is refused
 * with 429 and stores nothing, and a stored import is charged its table's bytes, which the key's
 * next upload or study meets.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"s2l.queue.idle-poll=1h", "s2l.analysis.max-import-size=1MB"})
class ImportStorageQuotaIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  /** The bytes of the table every import here sends. */
  static final long TABLE = TestTables.CSV.getBytes(StandardCharsets.UTF_8).length;

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApiKeys keys;
  @Autowired Quotas quotas;
  @LocalServerPort int port;

  private IssuedKey key(String owner, long maxStorageBytes) {
    return keys.create(new NewApiKey(owner, "k", Role.SUBMIT, null, null, null, maxStorageBytes));
  }

  /** An import with a Content-Length. */
  private ResponseEntity<JsonNode> upload(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    headers.setBearerAuth(key);
    return http.postForEntity(
        "/api/v1/imports?reference=l", new HttpEntity<>(TestTables.CSV, headers), JsonNode.class);
  }

  /** An import without a Content-Length: the table is sent in chunks. */
  private HttpResponse<String> uploadChunked(String key) throws IOException, InterruptedException {
    return ChunkedPost.send(port, "/api/v1/imports?reference=l", key, "text/csv", TestTables.CSV);
  }

  /** Rows an import leaves: imported studies, their losses and the queue's jobs. */
  private long[] stored() {
    return new long[] {
      jdbc.queryForObject("SELECT count(*) FROM analysis.imported_study", Long.class),
      jdbc.queryForObject("SELECT count(*) FROM analysis.imported_losses", Long.class),
      jdbc.queryForObject("SELECT count(*) FROM queue.job", Long.class)
    };
  }

  private long reservations(ApiKey key) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM access.quota_reservation WHERE key_id = ?", Long.class, key.id());
  }

  private static void assertStorageRefusal(
      JsonNode problem, long limit, long used, long requestedAtLeast, long requestedAtMost) {
    assertThat(problem.get("quota").asText()).isEqualTo("maxStorageBytes");
    assertThat(problem.get("limit").asLong()).isEqualTo(limit);
    assertThat(problem.get("used").asLong()).isEqualTo(used);
    assertThat(problem.get("requested").asLong()).isBetween(requestedAtLeast, requestedAtMost);
    assertThat(problem.get("detail").asText()).contains("maxStorageBytes");
  }

  @Test
  void anImportPastTheBudgetIsRefusedWith429WithOrWithoutALengthAndNothingIsStored()
      throws Exception {
    IssuedKey issued = key("team-small", TABLE - 1);
    long[] before = stored();

    ResponseEntity<JsonNode> declared = upload(issued.secret());
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(declared.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertStorageRefusal(declared.getBody(), TABLE - 1, 0, TABLE, TABLE);

    // without a length: the whole budget is held, and the read past it refused
    HttpResponse<String> chunked = uploadChunked(issued.secret());
    assertThat(chunked.statusCode()).isEqualTo(429);
    assertStorageRefusal(json.readTree(chunked.body()), TABLE - 1, 0, TABLE, TABLE);

    assertThat(stored()).containsExactly(before);
    assertThat(reservations(issued.key())).isZero();
    assertThat(quotas.storageUsed(issued.key())).isZero();
  }

  @Test
  void aStoredImportIsChargedItsTableAndCountsAgainstTheNextImportUploadOrStudy() throws Exception {
    IssuedKey issued = key("team-one", TABLE + 100);
    ApiKey key = issued.key();
    assertThat(upload(issued.secret()).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(quotas.storageUsed(key)).isEqualTo(TABLE);
    assertThat(reservations(key)).isZero();
    long[] after = stored();

    // 100 bytes left: a second import is refused before it is read, or at the first read past them
    ResponseEntity<JsonNode> declared = upload(issued.secret());
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertStorageRefusal(declared.getBody(), TABLE + 100, TABLE, TABLE, TABLE);
    HttpResponse<String> chunked = uploadChunked(issued.secret());
    assertThat(chunked.statusCode()).isEqualTo(429);
    assertStorageRefusal(json.readTree(chunked.body()), TABLE + 100, TABLE, 101, TABLE);
    assertThat(stored()).containsExactly(after);
    assertThat(reservations(key)).isZero();

    // a dataset upload, as the experiment service holds its place, and a study meet the same
    assertThatThrownBy(() -> quotas.reserveUpload(key, 101, 1 << 20))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.quota()).isEqualTo("maxStorageBytes");
              assertThat(e.used()).isEqualTo(TABLE);
            });
    quotas.release(quotas.reserveUpload(key, 100, 1 << 20));
    assertThatThrownBy(
            () -> quotas.reserve(key, UUID.randomUUID(), new QuotaCharge("study", 1, 0, true, 101)))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.used()).isEqualTo(TABLE));
    assertThat(quotas.storageUsed(key)).isEqualTo(TABLE);
  }

  @Test
  void anImportOfUnknownLengthWithinTheBudgetIsChargedTheBytesItRead() throws Exception {
    IssuedKey issued = key("team-chunked", 2 * TABLE);
    HttpResponse<String> accepted = uploadChunked(issued.secret());
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(quotas.storageUsed(issued.key())).isEqualTo(TABLE);
    assertThat(reservations(issued.key())).isZero();
    // its job was charged with its bytes, from the same place
    assertThat(
            jdbc.queryForObject(
                "SELECT (SELECT coalesce(sum(jobs), 0) FROM access.job_charge WHERE key_id = ?)"
                    + " + (SELECT coalesce(sum(jobs), 0) FROM access.usage_hour WHERE key_id = ?)",
                Long.class,
                issued.key().id(),
                issued.key().id()))
        .isEqualTo(1);
    assertThat(uploadChunked(issued.secret()).statusCode()).isEqualTo(202);
    assertThat(quotas.storageUsed(issued.key())).isEqualTo(2 * TABLE);
    assertThat(uploadChunked(issued.secret()).statusCode()).isEqualTo(429);
  }
}
