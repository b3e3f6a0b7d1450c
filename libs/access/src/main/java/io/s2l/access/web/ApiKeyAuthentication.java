package io.s2l.access.web;

import io.s2l.access.ApiKey;
import io.s2l.access.Role;
import java.util.Arrays;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key; it holds every role the key's role includes. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  private final ApiKey key;

  ApiKeyAuthentication(ApiKey key) {
    super(
        Arrays.stream(Role.values())
            .filter(key::can)
            .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
            .toList());
    this.key = key;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public ApiKey getPrincipal() {
    return key;
  }

  @Override
  public String getName() {
    return key.owner() + "/" + key.prefix();
  }
}
