package io.s2l.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.QuotaExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Only bad input is a 400; what the server got wrong is a 500 that tells the caller nothing. */
class BaseProblemHandlerTest {

  record Body(int count) {}

  @RestController
  static class Throwing {
    @GetMapping("/bad")
    void bad() {
      throw new BadInputException("size: must be between 1 and 100");
    }

    @GetMapping("/internal")
    void internal() {
      throw new IllegalArgumentException("row 17 of table secret_things");
    }

    @GetMapping("/quota")
    void quota() {
      throw new QuotaExceededException("maxJobsPerDay", 5, "this request queues 6 jobs");
    }

    @GetMapping("/typed")
    void typed(@RequestParam int page) {}

    @PostMapping("/body")
    void body(@RequestBody Body body) {}
  }

  @RestControllerAdvice
  static class Handler extends BaseProblemHandler {
    Handler() {
      super("request");
    }
  }

  final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Throwing()).setControllerAdvice(new Handler()).build();
  final ObjectMapper json = new ObjectMapper();

  private JsonNode problem(RequestBuilder request, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    return json.readTree(response.getContentAsString());
  }

  @Test
  void badInputIsA400WithItsMessage() throws Exception {
    JsonNode problem = problem(get("/bad"), 400);
    assertThat(problem.get("title").asText()).isEqualTo("Bad request");
    assertThat(problem.get("detail").asText()).isEqualTo("size: must be between 1 and 100");
    assertThat(problem.get("instance").asText()).isEqualTo("/bad");
  }

  @Test
  void anIllegalArgumentExceptionIsA500ThatKeepsItsMessageToTheLog() throws Exception {
    JsonNode problem = problem(get("/internal"), 500);
    assertThat(problem.get("title").asText()).isEqualTo("Internal error");
    assertThat(problem.get("detail").asText()).isEqualTo(BaseProblemHandler.INTERNAL_DETAIL);
    assertThat(problem.toString()).doesNotContain("secret");
  }

  @Test
  void aQuotaIsA429NamingItAndItsLimit() throws Exception {
    JsonNode problem = problem(get("/quota"), 429);
    assertThat(problem.get("quota").asText()).isEqualTo("maxJobsPerDay");
    assertThat(problem.get("limit").asLong()).isEqualTo(5);
  }

  @Test
  void aParameterOfTheWrongTypeIsA400() throws Exception {
    problem(get("/typed").param("page", "first"), 400);
  }

  @Test
  void anUnreadableBodyNamesTheFieldWhereReadingStopped() throws Exception {
    JsonNode problem =
        problem(
            post("/body").contentType(MediaType.APPLICATION_JSON).content("{\"count\": \"many\"}"),
            400);
    assertThat(problem.get("title").asText()).isEqualTo("Unreadable request");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("count");
    JsonNode missing = problem(post("/body").contentType(MediaType.APPLICATION_JSON), 400);
    assertThat(missing.at("/errors/0").toString())
        .isEqualTo("{\"field\":\"$\",\"reason\":\"a JSON request is required\"}");
  }
}
