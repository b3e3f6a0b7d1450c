package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * Generated hostile study definitions: a valid one mutated at random (fields removed, replaced by
 * values of other types, extreme numbers, huge strings and arrays, deep nesting, broken JSON), a
 * seeded generator so that a failure replays. Property: never a 5xx; a refusal is problem+json and
 * stores nothing; every accepted study stores exactly its jobs.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileStudyInputIT {

  private static final int CASES = 1500;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void hostileDefinitionsNeverCauseA5xxOrAPartialWrite() throws Exception {
    ObjectNode valid = (ObjectNode) json.readTree(StudyApiIT.VALID);
    SplittableRandom random = new SplittableRandom(20261202L);
    int accepted = 0;
    long acceptedJobs = 0;
    for (int i = 0; i < CASES; i++) {
      String body = mutate(valid.deepCopy(), random);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<String> response =
          http.postForEntity("/api/v1/studies", new HttpEntity<>(body, headers), String.class);
      int status = response.getStatusCode().value();
      assertThat(status).as("case %d: %s", i, abbreviate(body)).isLessThan(500);
      if (status == 202) {
        accepted++;
        acceptedJobs += json.readTree(response.getBody()).at("/progress/jobsTotal").asLong();
      } else {
        assertThat(status).as("case %d: %s", i, abbreviate(body)).isBetween(400, 499);
        assertThat(response.getHeaders().getContentType().toString())
            .as("case %d", i)
            .contains("problem+json");
      }
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM experiment.study", Long.class))
        .isEqualTo(accepted);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM queue.job", Long.class))
        .isEqualTo(acceptedJobs);
    // the generator must produce both kinds, or the property says little
    assertThat(accepted).isPositive().isLessThan(CASES);
  }

  /** One to three random mutations of a copy of a valid definition, serialised. */
  private String mutate(ObjectNode study, SplittableRandom random) throws Exception {
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(study, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode object && object.size() > 0) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(4) == 0) {
          object.remove(name);
        } else {
          object.set(name, hostile(random));
        }
      } else if (target instanceof ArrayNode array && array.size() > 0) {
        int at = random.nextInt(array.size());
        if (random.nextInt(3) == 0) {
          array.remove(at);
        } else {
          array.set(at, hostile(random));
        }
      }
    }
    String text = json.writeValueAsString(study);
    if (random.nextInt(20) == 0) {
      // broken JSON: cut it short
      return text.substring(0, random.nextInt(text.length()));
    }
    return text;
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), containers);
      }
    }
  }

  private static JsonNode hostile(SplittableRandom random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(14)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(Long.MAX_VALUE);
      case 2 -> f.numberNode(-1);
      case 3 -> f.numberNode(0);
      case 4 -> f.numberNode(1e308);
      case 5 -> f.textNode("NaN");
      case 6 -> f.textNode("x".repeat(100_000));
      case 7 -> f.textNode("'; DROP TABLE experiment.study; --");
      case 8 -> f.textNode("\u0000\uFFFF\uD83D\uDE00");
      case 9 -> f.booleanNode(true);
      case 10 -> {
        ArrayNode big = f.arrayNode();
        for (int i = 0; i < 5000; i++) {
          big.add(i);
        }
        yield big;
      }
      case 11 -> {
        ObjectNode deep = f.objectNode();
        ObjectNode at = deep;
        for (int i = 0; i < 200; i++) {
          at = at.putObject("a");
        }
        yield deep;
      }
      case 12 -> f.numberNode(2147483648L);
      default -> f.objectNode().put("unexpected", 1);
    };
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
