package io.s2l.testsupport.web;

import io.s2l.testsupport.TestKeys;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Makes the test's {@code TestRestTemplate} send the admin key ({@link TestKeys#ADMIN}) unless a
 * request carries a key of its own. Import it in a {@code @SpringBootTest} and register the key
 * with {@link TestKeys#register}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdminKeyClient {

  @Bean
  RestTemplateCustomizer adminKey() {
    return template ->
        template
            .getInterceptors()
            .add(
                (request, body, execution) -> {
                  var headers = request.getHeaders();
                  if (!headers.containsKey("Authorization") && !headers.containsKey("X-API-Key")) {
                    headers.setBearerAuth(TestKeys.ADMIN);
                  }
                  return execution.execute(request, body);
                });
  }
}
