package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An Idempotency-Key is remembered for s2l.experiment.idempotency-ttl (24 h) by the service's
 * clock: within it the same request is replayed, after it the key submits a new study.
 */
@Import({AdminKeyClient.class, IdempotencyExpiryIT.Clocks.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyExpiryIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired Clock clock;

  private ResponseEntity<JsonNode> post(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return http.postForEntity(
        "/api/v1/studies", new HttpEntity<>(StudyApiIT.VALID, headers), JsonNode.class);
  }

  @Test
  void aKeyIsReplayedWithinItsTimeToLiveAndNewAfterIt() {
    ResponseEntity<JsonNode> first = post("nightly-check");
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    ((MutableClock) clock).advance(Duration.ofHours(23));
    ResponseEntity<JsonNode> replayed = post("nightly-check");
    assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.getBody().get("id")).isEqualTo(first.getBody().get("id"));

    ((MutableClock) clock).advance(Duration.ofHours(2));
    ResponseEntity<JsonNode> fresh = post("nightly-check");
    assertThat(fresh.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(fresh.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(fresh.getBody().get("id")).isNotEqualTo(first.getBody().get("id"));
  }
}
