package io.s2l.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details written by the security filters, before any controller runs. */
final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"s2l\"");
    write(request, response, 401, "Unauthorized", detail);
  }

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
