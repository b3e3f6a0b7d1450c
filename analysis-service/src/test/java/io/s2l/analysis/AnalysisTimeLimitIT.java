package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * The per-kind time limit of analysis jobs ({@code s2l.queue.job-timeouts.analyze}) stops the
 * analysis itself: an import whose analysis computes for far longer than its 2 s limit fails its
 * attempt ("timed out after PT2S") within seconds of its claim, because the interrupted analysis
 * stops before its next entry instead of computing to the end.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    properties = {
      // a lease of 1 s needs a connection timeout below its two thirds
      "s2l.queue.lease=1s",
      "spring.datasource.hikari.connection-timeout=250",
      "s2l.queue.job-timeouts.analyze=2s",
      "s2l.queue.concurrency=1",
      "s2l.queue.idle-poll=100ms",
      "s2l.queue.stop-timeout=5s",
      "s2l.analysis.max-import-size=64MB"
    },
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalysisTimeLimitIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  /** Distributions: each entry's bootstraps and permutations cost O(K^2) and O(K log K). */
  private static final int DISTRIBUTIONS = 400;

  private static final int EVAL_SETS = 40;
  private static final int EXAMPLES = 3;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Test
  void anAnalysisPastItsKindsTimeLimitStopsWithinSecondsOfIt() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<JsonNode> accepted =
        http.postForEntity(
            "/api/v1/imports?reference=l", new HttpEntity<>(table(), headers), JsonNode.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    UUID study = UUID.fromString(accepted.getBody().get("id").asText());

    Instant claimed = await(study, "attempt >= 1", Duration.ofSeconds(60));
    Instant failed = await(study, "last_error IS NOT NULL", Duration.ofSeconds(90));

    Map<String, Object> job =
        jdbc.queryForMap(
            "SELECT attempt, last_error FROM queue.job WHERE study_id = ? AND kind = 'analyze'",
            study);
    assertThat(job.get("last_error")).isEqualTo("timed out after PT2S");
    // the limit (2 s), one entry of the analysis and the polls; computing to the end takes 30 s+
    assertThat(Duration.between(claimed, failed)).isLessThan(Duration.ofSeconds(12));
  }

  /** When the study's analysis job first meets {@code condition}; polled every 50 ms. */
  private Instant await(UUID study, String condition, Duration limit) throws InterruptedException {
    Instant giveUp = Instant.now().plus(limit);
    String sql =
        "SELECT count(*) FROM queue.job WHERE study_id = ? AND kind = 'analyze' AND " + condition;
    while (Instant.now().isBefore(giveUp)) {
      if (jdbc.queryForObject(sql, Integer.class, study) > 0) {
        return Instant.now();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the analysis of " + study + " never met " + condition);
  }

  /** A proxy xs and a reference l, one seed, losses that differ across distributions. */
  private static String table() {
    StringBuilder csv =
        new StringBuilder("scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n");
    for (String[] s :
        List.of(new String[] {"xs", "100", "2000"}, new String[] {"l", "1000", "20000"})) {
      double offset = s[0].equals("xs") ? 1.0 : 0.0;
      for (int d = 0; d < DISTRIBUTIONS; d++) {
        for (int set = 0; set < EVAL_SETS; set++) {
          for (int z = 0; z < EXAMPLES; z++) {
            double loss = 2.0 + Math.sin(d * 0.37 + set + z * 1.3) + offset + 0.01 * (d % 7);
            String row =
                String.join(",", s[0], s[1], s[2], "d" + d, "0", "set" + set, "e" + z, "" + loss);
            csv.append(row).append('\n');
          }
        }
      }
    }
    return csv.toString();
  }
}
