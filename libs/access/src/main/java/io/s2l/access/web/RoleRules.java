package io.s2l.access.web;

import io.s2l.access.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of one service that need more than READ, first match wins. The security chain enforces
 * them and the OpenAPI document derives from them which operations can answer 403, so the two
 * cannot disagree.
 */
public record RoleRules(List<Rule> rules) {

  /**
   * @param method the method it applies to, or null for every method
   * @param role the role required
   * @param patterns path patterns, such as {@code /api/v1/keys/**}
   */
  public record Rule(HttpMethod method, Role role, List<String> patterns) {
    public Rule {
      patterns = List.copyOf(patterns);
    }
  }

  public RoleRules {
    rules = List.copyOf(rules);
  }

  public static RoleRules of(Rule... rules) {
    return new RoleRules(List.of(rules));
  }

  /**
   * The role a request needs beyond {@code READ}, for a path template as the OpenAPI document
   * spells it ({@code /api/v1/studies/{id}/cancel}): a template variable matches like any path
   * segment.
   */
  public Role required(HttpMethod method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Rule rule : rules) {
      boolean methodMatches = rule.method() == null || rule.method().equals(method);
      if (methodMatches
          && rule.patterns().stream()
              .anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(container))) {
        return rule.role();
      }
    }
    return Role.READ;
  }
}
