package io.s2l.access.web.openapi;

import io.swagger.v3.oas.models.Operation;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Operation ids a generated client can call by name. springdoc takes the Java method's name and
 * numbers repeats ({@code get}, {@code get_1}, ...), so which {@code get} is which depends on scan
 * order; here a name more than one controller uses is prefixed with its controller's ({@code
 * studyGet}, {@code datasetGet}), and a name used once stays as it is ({@code submit}).
 */
final class OperationIds implements OperationCustomizer {

  private final Map<String, Long> uses;

  OperationIds(RequestMappingHandlerMapping mapping) {
    this.uses =
        mapping.getHandlerMethods().values().stream()
            .map(m -> m.getMethod().getName())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
    if (declared != null && !declared.operationId().isEmpty()) {
      return operation; // named on the operation itself
    }
    String name = handler.getMethod().getName();
    return operation.operationId(
        uses.getOrDefault(name, 0L) > 1 ? prefix(handler) + StringUtils.capitalize(name) : name);
  }

  private static String prefix(HandlerMethod handler) {
    String type = ClassUtils.getUserClass(handler.getBeanType()).getSimpleName();
    String base = type.endsWith("Controller") ? type.substring(0, type.length() - 10) : type;
    return StringUtils.uncapitalize(base);
  }
}
