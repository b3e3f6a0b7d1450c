package io.s2l.access;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs the service may call, so that a study cannot make it reach what only it can
 * reach (request forgery). A URL must be https (or http when allowed), its host on the allow-list,
 * and every address the host resolves to globally reachable: in no block the IANA special-purpose
 * address registries call otherwise ({@link SpecialBlock}), an IPv6 form that carries IPv4
 * addresses judged by those ({@link CarriedIpv4}). Private networks may be allowed as a whole, any
 * such block by {@code allowed-networks}; unspecified, multicast and broadcast addresses never are.
 * Checked when a study or an import is submitted and again before every delivery, since a name may
 * resolve elsewhere by then. Both services that take callback URLs hold such rules.
 */
public final class CallbackTargets {

  /** Resolves a host to all its addresses, as {@link InetAddress#getAllByName} does. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final String prefix;
  private final List<String> allowedHosts;
  private final boolean allowPrivateNetworks;
  private final List<Cidr> allowedNetworks;
  private final boolean allowHttp;
  private final Resolver resolver;

  /**
   * @param prefix the prefix of the properties these rules come from ({@code
   *     s2l.experiment.callbacks.}), named in every refusal
   * @throws IllegalArgumentException when an allowed network is no CIDR block
   */
  public CallbackTargets(
      String prefix,
      List<String> allowedHosts,
      boolean allowPrivateNetworks,
      List<String> allowedNetworks,
      boolean allowHttp,
      Resolver resolver) {
    this.prefix = prefix;
    // blank entries, as an empty environment variable may give, name nothing
    this.allowedHosts =
        allowedHosts.stream()
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .toList();
    this.allowPrivateNetworks = allowPrivateNetworks;
    this.allowedNetworks =
        allowedNetworks.stream().filter(n -> !n.isBlank()).map(Cidr::parse).toList();
    this.allowHttp = allowHttp;
    this.resolver = resolver;
  }

  /**
   * The rules read from the properties under {@code prefix}, resolving hosts with DNS.
   *
   * @throws IllegalStateException naming the property when an allowed network is no CIDR block, so
   *     that the service stops at start-up
   */
  public static CallbackTargets configured(
      String prefix,
      List<String> allowedHosts,
      boolean allowPrivateNetworks,
      List<String> allowedNetworks,
      boolean allowHttp) {
    try {
      return new CallbackTargets(
          prefix,
          allowedHosts,
          allowPrivateNetworks,
          allowedNetworks,
          allowHttp,
          InetAddress::getAllByName);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(prefix + "allowed-networks: " + e.getMessage(), e);
    }
  }

  /** Why {@code url} may not be called now, naming the rule and its property; empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return Optional.of("must use https (" + prefix + "allow-http is false)");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (allowedHosts.isEmpty()) {
      return Optional.of("callbacks are off (" + prefix + "allowed-hosts is empty)");
    }
    if (!hostAllowed(host)) {
      return Optional.of("host " + host + " is not in " + prefix + "allowed-hosts " + allowedHosts);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " cannot be resolved");
    }
    for (InetAddress address : addresses) {
      Optional<String> why = addressRefusal(address);
      if (why.isPresent()) {
        return Optional.of(
            "host " + host + " resolves to " + address.getHostAddress() + ", " + why.get());
      }
    }
    return Optional.empty();
  }

  private boolean hostAllowed(String host) {
    for (String allowed : allowedHosts) {
      if (allowed.startsWith("*.")
          ? host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1
          : host.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code address} may not be called, or empty. An IPv6 form that carries IPv4 addresses
   * ({@link CarriedIpv4}) is judged by each of them; an address in a block that is not globally
   * reachable ({@link SpecialBlock}) is refused unless a block of {@code allowed-networks} holds it
   * or the IPv4 address judged, or, for the private kinds only, private networks are allowed.
   * Unspecified, multicast and broadcast addresses are always refused.
   */
  private Optional<String> addressRefusal(InetAddress address) {
    Optional<CarriedIpv4> carried = CarriedIpv4.in(address);
    List<InetAddress> judged = carried.map(CarriedIpv4::ipv4).orElse(List.of(address));
    for (InetAddress a : judged) {
      Optional<SpecialBlock> block = SpecialBlock.holding(a);
      if (block.isEmpty()) {
        continue;
      }
      String what =
          carried
                  .map(c -> "whose " + c.form() + " form carries " + a.getHostAddress() + ", ")
                  .orElse("")
              + block.get().described();
      String rule =
          switch (block.get().opened()) {
            case NEVER -> ", which no callback may reach";
            case PRIVATE_NETWORKS ->
                allowPrivateNetworks || allowed(address, a)
                    ? null
                    : " ("
                        + prefix
                        + "allow-private-networks is false and "
                        + prefix
                        + "allowed-networks does not hold it)";
            case ALLOWED_NETWORKS ->
                allowed(address, a) ? null : " (" + prefix + "allowed-networks does not hold it)";
          };
      if (rule != null) {
        return Optional.of(what + rule);
      }
    }
    return Optional.empty();
  }

  /** Whether a block of {@code allowed-networks} holds the address or the IPv4 one it carries. */
  private boolean allowed(InetAddress address, InetAddress judged) {
    for (Cidr network : allowedNetworks) {
      if (network.contains(address) || network.contains(judged)) {
        return true;
      }
    }
    return false;
  }
}
