package io.s2l.access;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs the service may call, so that a study cannot make it reach what only it can
 * reach (request forgery). A URL must be https (or http when allowed), its host on the allow-list,
 * and every address the host resolves to public, unless private networks, or the address's block,
 * are allowed. Checked when a study or an import is submitted and again before every delivery,
 * since a name may resolve elsewhere by then. Both services that take callback URLs hold such
 * rules.
 */
public final class CallbackTargets {

  /** Resolves a host to all its addresses, as {@link InetAddress#getAllByName} does. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  // 100.64.0.0/10 (carrier-grade NAT) and fc00::/7 (unique local): private, yet not what
  // InetAddress calls site-local; 0.0.0.0/8 reaches this host on some systems
  private static final List<Cidr> ALSO_PRIVATE =
      List.of(Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"), Cidr.parse("0.0.0.0/8"));

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

  private Optional<String> addressRefusal(InetAddress address) {
    InetAddress a = unmapped(address);
    if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return Optional.of("an address no callback may reach");
    }
    String kind = privateKind(a);
    if (kind == null || allowPrivateNetworks) {
      return Optional.empty();
    }
    for (Cidr allowed : allowedNetworks) {
      if (allowed.contains(a)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "a "
            + kind
            + " address ("
            + prefix
            + "allow-private-networks is false and "
            + prefix
            + "allowed-networks does not hold it)");
  }

  /** The kind of private address {@code a} is, or null when it is public. */
  private static String privateKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    for (Cidr block : ALSO_PRIVATE) {
      if (block.contains(a)) {
        return a instanceof Inet6Address ? "unique-local" : "private";
      }
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-mapped IPv6 one ({@code ::ffff:10.0.0.1}), else itself. */
  private static InetAddress unmapped(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != 16) {
      return a;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return a;
      }
    }
    if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
      return a;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }
}
