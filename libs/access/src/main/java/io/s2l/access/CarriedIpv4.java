package io.s2l.access;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 addresses an IPv6 address carries, which packets sent to it reach: IPv4-mapped {@code
 * ::ffff:a.b.c.d} and IPv4-compatible {@code ::a.b.c.d} (the last 32 bits; {@code ::} and {@code
 * ::1} are themselves), NAT64 {@code 64:ff9b::/96} (the last 32 bits), 6to4 {@code 2002::/16} (bits
 * 16 to 47) and Teredo {@code 2001::/32} (its server in bits 32 to 63, its client in the last 32
 * bits inverted). The local-use NAT64 prefix {@code 64:ff9b:1::/48} is not taken apart, since where
 * its IPv4 address sits depends on the prefix length the network chose.
 *
 * @param form the form's name ({@code 6to4})
 * @param ipv4 the addresses carried: one, or a Teredo server and client
 */
record CarriedIpv4(String form, List<InetAddress> ipv4) {

  /** What {@code a} carries; empty when it is no such form. */
  static Optional<CarriedIpv4> in(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != 16) {
      return Optional.empty();
    }
    if (zero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
      return carried("IPv4-mapped", ipv4(b, 12, 0));
    }
    if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] & 0xfe) == 0)) {
      return carried("IPv4-compatible", ipv4(b, 12, 0));
    }
    if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12)) {
      return carried("NAT64", ipv4(b, 12, 0));
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return carried("6to4", ipv4(b, 2, 0));
    }
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
      return Optional.of(new CarriedIpv4("Teredo", List.of(ipv4(b, 4, 0), ipv4(b, 12, 0xff))));
    }
    return Optional.empty();
  }

  private static Optional<CarriedIpv4> carried(String form, InetAddress ipv4) {
    return Optional.of(new CarriedIpv4(form, List.of(ipv4)));
  }

  /** Whether bytes {@code from} to {@code to} (exclusive) are all zero. */
  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The four bytes from {@code at}, each XORed with {@code flip}, as an IPv4 address. */
  private static InetAddress ipv4(byte[] b, int at, int flip) {
    byte[] four = new byte[4];
    for (int i = 0; i < 4; i++) {
      four[i] = (byte) (b[at + i] ^ flip);
    }
    try {
      return Inet4Address.getByAddress(four);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }
}
