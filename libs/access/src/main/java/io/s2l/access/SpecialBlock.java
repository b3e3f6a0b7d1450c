package io.s2l.access;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * A block of the IANA IPv4 and IPv6 special-purpose address registries whose addresses are not
 * globally reachable, with the rule that may open it to callbacks. Blocks the registries call
 * globally reachable inside a larger one that is not ({@code 192.0.0.9/32} in {@code 192.0.0.0/24})
 * are listed with no kind and stay public. The IPv6 forms that carry an IPv4 address are not
 * listed: {@link CarriedIpv4} takes them apart first.
 *
 * @param text the block as written, named in refusals
 * @param kind what its addresses are ({@code documentation}), or null for a public exception
 * @param opened what may open it, or null for a public exception
 */
record SpecialBlock(String text, Cidr cidr, String kind, Opened opened) {

  /** What may open a block to callbacks. */
  enum Opened {
    /** Nothing: no one address is meant, or none can answer. */
    NEVER,
    /** {@code allow-private-networks}, or a block of {@code allowed-networks} that holds it. */
    PRIVATE_NETWORKS,
    /** Only a block of {@code allowed-networks} that holds it. */
    ALLOWED_NETWORKS
  }

  // The first block that holds an address decides, so more specific blocks come first.
  private static final List<SpecialBlock> BLOCKS =
      List.of(
          of("0.0.0.0/32", "unspecified", Opened.NEVER),
          of("0.0.0.0/8", "this-network", Opened.ALLOWED_NETWORKS),
          of("10.0.0.0/8", "private", Opened.PRIVATE_NETWORKS),
          // shared address space, private to a carrier-grade NAT
          of("100.64.0.0/10", "private", Opened.PRIVATE_NETWORKS),
          of("127.0.0.0/8", "loopback", Opened.PRIVATE_NETWORKS),
          of("169.254.0.0/16", "link-local", Opened.PRIVATE_NETWORKS),
          of("172.16.0.0/12", "private", Opened.PRIVATE_NETWORKS),
          // port control and TURN anycast
          global("192.0.0.9/32"),
          global("192.0.0.10/32"),
          of("192.0.0.0/24", "protocol-assignment", Opened.ALLOWED_NETWORKS),
          of("192.0.2.0/24", "documentation", Opened.ALLOWED_NETWORKS),
          of("192.168.0.0/16", "private", Opened.PRIVATE_NETWORKS),
          of("198.18.0.0/15", "benchmarking", Opened.ALLOWED_NETWORKS),
          of("198.51.100.0/24", "documentation", Opened.ALLOWED_NETWORKS),
          of("203.0.113.0/24", "documentation", Opened.ALLOWED_NETWORKS),
          of("224.0.0.0/4", "multicast", Opened.NEVER),
          of("255.255.255.255/32", "broadcast", Opened.NEVER),
          of("240.0.0.0/4", "reserved", Opened.ALLOWED_NETWORKS),
          of("::/128", "unspecified", Opened.NEVER),
          of("::1/128", "loopback", Opened.PRIVATE_NETWORKS),
          // local-use translation: where the IPv4 address sits depends on the network's prefix
          of("64:ff9b:1::/48", "local-use translation", Opened.ALLOWED_NETWORKS),
          of("100::/64", "discard-only", Opened.ALLOWED_NETWORKS),
          // port control, TURN, AMT, AS112 and ORCHIDv2 and drone identifiers are public
          global("2001:1::1/128"),
          global("2001:1::2/128"),
          global("2001:3::/32"),
          global("2001:4:112::/48"),
          global("2001:20::/28"),
          global("2001:30::/28"),
          of("2001:2::/48", "benchmarking", Opened.ALLOWED_NETWORKS),
          of("2001::/23", "protocol-assignment", Opened.ALLOWED_NETWORKS),
          of("2001:db8::/32", "documentation", Opened.ALLOWED_NETWORKS),
          of("3fff::/20", "documentation", Opened.ALLOWED_NETWORKS),
          of("5f00::/16", "segment-routing", Opened.ALLOWED_NETWORKS),
          of("fc00::/7", "unique-local", Opened.PRIVATE_NETWORKS),
          of("fe80::/10", "link-local", Opened.PRIVATE_NETWORKS),
          // deprecated, yet still private wherever it is used
          of("fec0::/10", "site-local", Opened.PRIVATE_NETWORKS),
          of("ff00::/8", "multicast", Opened.NEVER));

  private static SpecialBlock of(String text, String kind, Opened opened) {
    return new SpecialBlock(text, Cidr.parse(text), kind, opened);
  }

  /** A globally reachable block inside one that is not. */
  private static SpecialBlock global(String text) {
    return new SpecialBlock(text, Cidr.parse(text), null, null);
  }

  /** The block that is not globally reachable and holds {@code a}; empty when {@code a} is. */
  static Optional<SpecialBlock> holding(InetAddress a) {
    for (SpecialBlock block : BLOCKS) {
      if (block.cidr.contains(a)) {
        return block.kind == null ? Optional.empty() : Optional.of(block);
      }
    }
    return Optional.empty();
  }

  /** "a documentation address in 192.0.2.0/24". */
  String described() {
    // the one kind said with a vowel first
    String article = kind.equals("unspecified") ? "an " : "a ";
    return article + kind + " address in " + text;
  }
}
