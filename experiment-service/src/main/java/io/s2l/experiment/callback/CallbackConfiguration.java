package io.s2l.experiment.callback;

import io.s2l.experiment.config.CallbackProperties;
import java.net.InetAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The callback rules of this service, from {@code s2l.experiment.callbacks.*}. */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

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
