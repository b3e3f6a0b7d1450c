package io.s2l.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The worker's management port: probes and metrics public, the rest only with the worker's own key.
 */
class ManagementKeyFilterTest {

  private static final String KEY = "a-worker-management-key-of-its-own";

  private static MockHttpServletResponse call(String adminKey, String path, String bearer)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (bearer != null) {
      request.addHeader("Authorization", "Bearer " + bearer);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new ManagementKeyFilter(adminKey).doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(200); // passed on to the endpoint
    }
    return response;
  }

  @Test
  void probesAndPrometheusArePublic() throws Exception {
    assertThat(call(KEY, "/actuator/health/readiness", null).getStatus()).isEqualTo(200);
    assertThat(call(KEY, "/actuator/prometheus", null).getStatus()).isEqualTo(200);
  }

  @Test
  void everythingElseNeedsTheWorkersKey() throws Exception {
    MockHttpServletResponse none = call(KEY, "/actuator/metrics", null);
    assertThat(none.getStatus()).isEqualTo(401);
    assertThat(none.getContentType()).isEqualTo("application/problem+json");
    assertThat(call(KEY, "/actuator/metrics", "wrong").getStatus()).isEqualTo(403);
    assertThat(call(KEY, "/actuator/env", "wrong").getStatus()).isEqualTo(403);
    assertThat(call(KEY, "/actuator/metrics", KEY).getStatus()).isEqualTo(200);
  }

  @Test
  void withoutAKeyOnlyThePublicEndpointsAnswer() throws Exception {
    assertThat(call("", "/actuator/metrics", KEY).getStatus()).isEqualTo(403);
    assertThat(call("", "/actuator/health", null).getStatus()).isEqualTo(200);
  }
}
