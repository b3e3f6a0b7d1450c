package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
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
 * 5xx; a refusal stores nothing; every accepted import is one imported study.
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

  @Test
  void hostileImportsNeverCauseA5xxOrAPartialWrite() {
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
    assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis.imported_study", Long.class))
        .isEqualTo(accepted);
    assertThat(accepted).isLessThan(CASES);
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
