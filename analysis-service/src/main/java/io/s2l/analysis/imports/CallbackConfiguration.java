package io.s2l.analysis.imports;

import io.s2l.access.ApiKeys;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.CallbackTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules an import's callback URLs are checked against ({@code s2l.analysis.callbacks.*}), and
 * the keys' callback secrets, which an import needs to be told of.
 */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

  /** Takes the key store so that the access schema is migrated first. */
  @Bean
  CallbackSecrets callbackSecrets(JdbcTemplate jdbc, ApiKeys keys) {
    return new CallbackSecrets(jdbc);
  }

  /** Refuses at start-up, naming the entry, an allowed network that is no CIDR block. */
  @Bean
  CallbackTargets callbackTargets(CallbackProperties properties) {
    return CallbackTargets.configured(
        CallbackProperties.PREFIX,
        properties.allowedHosts(),
        properties.allowPrivateNetworks(),
        properties.allowedNetworks(),
        properties.allowHttp());
  }
}
