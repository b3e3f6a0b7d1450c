package io.s2l.access;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of addresses, {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefix) {

  /**
   * @throws IllegalArgumentException when {@code text} is not an address, a slash and a prefix
   *     length that fits it
   */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(text + " is not a CIDR block (address/prefix)");
    }
    String address = text.substring(0, slash).trim();
    // a literal only: a name here would be resolved at start-up, and DNS has no say in this list
    if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      throw new IllegalArgumentException(text + " does not start with an IP address");
    }
    byte[] bytes;
    int prefix;
    try {
      bytes = InetAddress.getByName(address).getAddress();
      prefix = Integer.parseInt(text.substring(slash + 1).trim());
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException(text + " is not a CIDR block (address/prefix)", e);
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException(text + ": the prefix must be 0 to " + bytes.length * 8);
    }
    return new Cidr(bytes, prefix);
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
