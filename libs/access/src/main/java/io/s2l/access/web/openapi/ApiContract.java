package io.s2l.access.web.openapi;

import io.s2l.access.web.RoleRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What both services' OpenAPI documents share: the info block (version from the build), the server
 * URL ({@code s2l.api.server-url}, relative by default so a document fetched through a proxy still
 * points at it), the {@code Problem} schema on every error response, named schemas for SVG answers,
 * and operation ids that do not depend on scan order. Each service imports it and contributes its
 * own {@link OpenAPI} bean made by {@link #document}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiContract {

  /** The version of a build without build information (run from an IDE, say). */
  static final String UNKNOWN_VERSION = "0.0.0-unknown";

  /** One customizer, so the steps run in this order: what takes input is known before 400s. */
  @Bean
  OpenApiCustomizer apiContract(RoleRules rules) {
    ErrorResponses errors = new ErrorResponses(rules);
    SvgBodies svg = new SvgBodies();
    return api -> {
      IgnoredHeaders.drop(api);
      svg.customise(api);
      errors.customise(api);
    };
  }

  @Bean
  OperationCustomizer operationIds(
      @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
    return new OperationIds(mapping);
  }

  /**
   * The skeleton of a service's document.
   *
   * @param serverUrl where clients reach the service; {@code /} keeps it relative to the document
   */
  public static OpenAPI document(
      String title, String description, ObjectProvider<BuildProperties> build, String serverUrl) {
    BuildProperties properties = build.getIfAvailable();
    return new OpenAPI(SpecVersion.V31)
        .info(
            new Info()
                .title(title)
                .description(description)
                .version(properties != null ? properties.getVersion() : UNKNOWN_VERSION)
                .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
        .servers(List.of(new Server().url(serverUrl)));
  }
}
