package io.s2l.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.Page;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP exchange every call goes through: the key on each request, the answer's status checked,
 * its body read into a record, and any other answer turned into an {@link ApiException} that keeps
 * the problem document.
 */
final class Transport {

  /** How long one ordinary call may take; imports and event streams are not bounded by it. */
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  /** How much of an unexpected non-problem body a message quotes. */
  private static final int QUOTED = 500;

  final ObjectMapper json = ApiJson.mapper();
  final HttpClient httpClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String key;

  Transport(String key) {
    this.key = key;
  }

  HttpRequest.Builder request(String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    return key == null ? builder : builder.header("Authorization", "Bearer " + key);
  }

  <T> T get(String url, Class<T> type) {
    HttpRequest request = request(url).timeout(CALL_TIMEOUT).GET().build();
    return read(send(request, 200).body(), json.constructType(type), request);
  }

  <T> Page<T> page(String url, Class<T> item) {
    HttpRequest request = request(url).timeout(CALL_TIMEOUT).GET().build();
    JavaType type = json.getTypeFactory().constructParametricType(Page.class, item);
    return read(send(request, 200).body(), type, request);
  }

  /** POSTs a JSON body (a string as it is, anything else serialised) and reads the answer. */
  <T> T post(String url, Object body, Class<T> answer, int... expected) {
    HttpRequest request =
        request(url)
            .timeout(CALL_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text(body)))
            .build();
    return read(send(request, expected).body(), json.constructType(answer), request);
  }

  String text(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }

  /** Sends the request; an answer with another status than {@code expected} throws. */
  HttpResponse<String> send(HttpRequest request, int... expected) {
    HttpResponse<String> response = exchange(request);
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    throw refusal(request, response.statusCode(), response.body());
  }

  HttpResponse<String> exchange(HttpRequest request) {
    try {
      return httpClient.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unreachable(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(
          describe(request) + " interrupted", 0, ApiException.Kind.UNREACHABLE, null, e);
    }
  }

  static ApiException unreachable(HttpRequest request, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ApiException(
        describe(request) + " failed: " + why, 0, ApiException.Kind.UNREACHABLE, null, e);
  }

  /** The exception for an answer the call did not expect, with its problem document if any. */
  ApiException refusal(HttpRequest request, int status, String body) {
    Problem problem = problem(body);
    String said;
    if (problem != null) {
      said = problem.describe();
    } else {
      said = body.length() > QUOTED ? body.substring(0, QUOTED) + "..." : body;
    }
    return new ApiException(
        describe(request) + " answered " + status + ": " + said,
        status,
        ApiException.Kind.of(status),
        problem,
        null);
  }

  /** The body as a problem document, or null when it is not one. */
  private Problem problem(String body) {
    try {
      Problem problem = json.readValue(body, Problem.class);
      return problem != null && problem.title() != null ? problem : null;
    } catch (JsonProcessingException e) {
      return null; // not JSON: the message quotes the body instead
    }
  }

  <T> T read(String body, JavaType type, HttpRequest request) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          describe(request)
              + ": unreadable "
              + type.getRawClass().getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          0,
          ApiException.Kind.UNREADABLE,
          null,
          e);
    }
  }

  static String describe(HttpRequest request) {
    return request.method() + " " + request.uri();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code ?a=1&b=x} of the parameters that are not null, or "" when all are. */
  static String query(Object... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        params.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    List<String> parts = new ArrayList<>();
    params.forEach((name, value) -> parts.add(name + "=" + encode(String.valueOf(value))));
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }
}
