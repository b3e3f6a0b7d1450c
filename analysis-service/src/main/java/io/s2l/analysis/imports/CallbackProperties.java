package io.s2l.analysis.imports;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where an import's callbacks may go ({@code s2l.analysis.callbacks.*}), checked when the import is
 * submitted. The experiment service delivers them and checks its own rules ({@code
 * s2l.experiment.callbacks.*}) again before every attempt, so both must allow a host; the default
 * configuration reads both from the same environment variables. The defaults refuse every callback.
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
 */
@ConfigurationProperties("s2l.analysis.callbacks")
public record CallbackProperties(
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("false") boolean allowPrivateNetworks,
    @DefaultValue List<String> allowedNetworks,
    @DefaultValue("false") boolean allowHttp,
    @DefaultValue("8") int maxAttempts) {

  public static final String PREFIX = "s2l.analysis.callbacks.";

  public CallbackProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(PREFIX + "max-attempts must be at least 1");
    }
  }
}
