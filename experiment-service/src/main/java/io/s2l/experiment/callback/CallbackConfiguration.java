package io.s2l.experiment.callback;

import io.s2l.access.ApiKeys;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.CallbackTargets;
import io.s2l.experiment.config.CallbackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The callback rules of this service, from {@code s2l.experiment.callbacks.*}, and the keys'
 * callback secrets.
 */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

  private static final String PREFIX = "s2l.experiment.callbacks.";

  /** Takes the key store so that the access schema is migrated first. */
  @Bean
  CallbackSecrets callbackSecrets(JdbcTemplate jdbc, ApiKeys keys) {
    return new CallbackSecrets(jdbc);
  }

  /** Refuses at start-up, naming the entry, an allowed network that is no CIDR block. */
  @Bean
  CallbackTargets callbackTargets(CallbackProperties properties) {
    return CallbackTargets.configured(
        PREFIX,
        properties.allowedHosts(),
        properties.allowPrivateNetworks(),
        properties.allowedNetworks(),
        properties.allowHttp());
  }
}
