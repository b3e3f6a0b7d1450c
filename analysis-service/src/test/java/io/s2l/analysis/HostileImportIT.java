package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.access.ApiKeys;
import io.s2l.access.NewApiKey;
import io.s2l.access.Role;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Generated hostile imports: a valid CSV mutated at random (cells replaced by hostile values, rows
 * cut or duplicated, columns dropped, bytes flipped), from a seeded generator. Property: never a
 * 5xx; a refusal stores nothing; every accepted import is one imported study. Then tables built to
 * cost the most to check, past the limits and past the key's quota.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"s2l.queue.idle-poll=1h", "s2l.analysis.max-import-size=1MB"})
class HostileImportIT {

  private static final int CASES = 400;
  private static final String[] HOSTILE = {
    "",
    "NaN",
    "-Infinity",
    "1e999",
    "-1",
    "9223372036854775808",
    "\u0000",
    "'; DROP TABLE x; --",
    "\"",
    ",,,",
    "x".repeat(5000),
    "0x10",
    "1,5",
    "\uD83D\uDE00",
    "null"
  };

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApiKeys keys;

  @Test
  void hostileImportsNeverCauseA5xxOrAPartialWrite() {
    long before = importedStudies();
    SplittableRandom random = new SplittableRandom(20261202L);
    String[] lines = TestTables.CSV.split("\n");
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      String body = mutate(lines, random);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.parseMediaType("text/csv"));
      ResponseEntity<String> response =
          http.postForEntity(
              "/api/v1/imports?reference=l", new HttpEntity<>(body, headers), String.class);
      int status = response.getStatusCode().value();
      assertThat(status).as("case %d", i).isLessThan(500);
      if (status == 202) {
        accepted++;
      } else {
        assertThat(status).as("case %d", i).isBetween(400, 499);
      }
    }
    assertThat(importedStudies()).isEqualTo(before + accepted);
    assertThat(accepted).isLessThan(CASES);
  }

  /**
   * 300 KB of rows naming 64 scales, 4,096 distributions, 64 seeds and 256 evaluation sets: a
   * complete table of that shape would need billions of losses, so it is refused by counting, at
   * once, instead of by visiting every (scale, distribution, seed, evaluation set).
   */
  @Test
  void aTableWhoseShapeCannotBeCompleteIsRefusedInSeconds() {
    long before = importedStudies();
    StringBuilder csv =
        new StringBuilder("scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n");
    for (int i = 0; csv.length() < 300_000; i++) {
      csv.append("s" + i % 64 + "," + (100 + i % 64) + ",1000,d" + i % 4096 + "," + i % 64)
          .append(",set" + i % 256 + ",e" + i + ",2.5\n");
    }
    long started = System.nanoTime();

    ResponseEntity<JsonNode> refused = post(csv.toString(), "s63", null);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("detail").asText()).contains("cannot be complete");
    assertThat(importedStudies()).isEqualTo(before);
  }

  @Test
  void moreDistinctScalesThanTheLimitAreRefusedNamingTheProperty() {
    long before = importedStudies();
    StringBuilder csv =
        new StringBuilder("scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n");
    for (int i = 0; i < 100; i++) {
      csv.append("s" + i + "," + (100 + i) + ",1000,d0,0,set,e0,2.5\n");
    }

    ResponseEntity<JsonNode> refused = post(csv.toString(), "s99", null);

    assertThat(refused.getStatusCode().value()).isEqualTo(413);
    assertThat(refused.getBody().get("property").asText())
        .isEqualTo("s2l.analysis.max-import-scales");
    assertThat(refused.getBody().get("field").asText()).isEqualTo("scale");
    assertThat(refused.getBody().get("limit").asLong()).isEqualTo(64);
    assertThat(refused.getBody().get("detail").asText()).startsWith("row 65:");
    assertThat(importedStudies()).isEqualTo(before);
  }

  /** The quota is checked before the upload is read: an unreadable body still gets the 429. */
  @Test
  void anImportPastTheActiveStudiesQuotaIsRefusedBeforeItsUploadIsRead() {
    String key = keys.create(new NewApiKey("team-active", "a", Role.SUBMIT, 1, null)).secret();
    assertThat(post(TestTables.CSV, "l", key).getStatusCode().value()).isEqualTo(202);
    long before = importedStudies();

    ResponseEntity<JsonNode> refused = post("not a table at all", "l", key);

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getBody().get("quota").asText()).isEqualTo("maxActiveStudies");
    assertThat(importedStudies()).isEqualTo(before);
  }

  private ResponseEntity<JsonNode> post(String body, String reference, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    if (key != null) {
      headers.setBearerAuth(key);
    }
    return http.postForEntity(
        "/api/v1/imports?reference=" + reference, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long importedStudies() {
    return jdbc.queryForObject("SELECT count(*) FROM analysis.imported_study", Long.class);
  }

  private static String mutate(String[] lines, SplittableRandom random) {
    String[] rows = lines.clone();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int row = random.nextInt(rows.length);
      switch (random.nextInt(5)) {
        case 0 -> {
          String[] cells = rows[row].split(",", -1);
          cells[random.nextInt(cells.length)] = HOSTILE[random.nextInt(HOSTILE.length)];
          rows[row] = String.join(",", cells);
        }
        case 1 -> rows[row] = rows[row].substring(0, random.nextInt(rows[row].length() + 1));
        case 2 -> rows[row] = rows[Math.max(1, random.nextInt(rows.length))];
        case 3 -> {
          String[] cells = rows[row].split(",", -1);
          rows[row] = String.join(",", java.util.Arrays.copyOf(cells, cells.length - 1));
        }
        default -> {
          char[] chars = rows[row].toCharArray();
          if (chars.length > 0) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(0x80);
          }
          rows[row] = new String(chars);
        }
      }
    }
    return String.join("\n", rows) + "\n";
  }
}
