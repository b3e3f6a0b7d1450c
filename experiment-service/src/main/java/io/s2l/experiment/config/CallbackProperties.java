package io.s2l.experiment.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where study callbacks may go and how they are sent ({@code s2l.experiment.callbacks.*}). The
 * defaults refuse every callback: an administrator names the hosts.
 *
 * @param allowedHosts host names or addresses a callback URL may name, exactly, or {@code
 *     *.example.com} for any name under example.com; empty refuses every callback
 * @param allowPrivateNetworks lets callbacks reach loopback, link-local, private, unique-local and
 *     site-local addresses, or an IPv6 form carrying one, but no other special-purpose block; off,
 *     a host resolving to any such address is refused
 * @param allowedNetworks CIDR blocks ({@code 127.0.0.1/32}) exempt from the rule that addresses be
 *     globally reachable, for an address or the IPv4 address it carries, when only some private or
 *     other special-purpose addresses should be reachable
 * @param allowHttp lets callback URLs use plain http; off, only https
 * @param maxAttempts attempts of one delivery before it is dead-lettered
 * @param connectTimeout the longest a delivery waits to connect
 * @param readTimeout the longest a delivery waits for the whole response, once connected
 * @param maxResponseSize bytes of a receiver's response that are read; the rest is dropped
 */
@ConfigurationProperties("s2l.experiment.callbacks")
public record CallbackProperties(
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("false") boolean allowPrivateNetworks,
    @DefaultValue List<String> allowedNetworks,
    @DefaultValue("false") boolean allowHttp,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("16KB") DataSize maxResponseSize) {

  public CallbackProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "s2l.experiment.callbacks.max-attempts must be at least 1");
    }
    if (maxResponseSize.toBytes() < 0 || maxResponseSize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "s2l.experiment.callbacks.max-response-size must be between 0 and 2GB");
    }
  }
}
