package io.s2l.experiment.callback;

import io.s2l.access.ApiKeys;
import io.s2l.access.CallbackSecrets;
import io.s2l.experiment.config.CallbackProperties;
import java.net.InetAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The callback rules of this service, from {@code s2l.experiment.callbacks.*}, and the keys'
 * callback secrets.
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
    try {
      return new CallbackTargets(
          properties.allowedHosts(),
          properties.allowPrivateNetworks(),
          properties.allowedNetworks(),
          properties.allowHttp(),
          InetAddress::getAllByName);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          CallbackTargets.PREFIX + "allowed-networks: " + e.getMessage(), e);
    }
  }
}
