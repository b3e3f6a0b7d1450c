package io.s2l.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every special-purpose block that is not globally reachable, and every IPv6 form that carries an
 * IPv4 address, meets the callback rules as a literal host. Teredo addresses were checked against
 * Python's {@code ipaddress.IPv6Address.teredo}, 6to4 ones against {@code .sixtofour}.
 */
class CallbackTargetsSpecialAddressesTest {

  static final String P = "s2l.experiment.callbacks.";

  /** Address -> what the refusal says of it: the IPv4 address judged, its kind and block. */
  static final Map<String, String> REFUSED = new LinkedHashMap<>();

  static {
    // IPv4 special-purpose blocks
    REFUSED.put("0.1.2.3", "0.1.2.3, a this-network address in 0.0.0.0/8");
    REFUSED.put("192.0.0.8", "192.0.0.8, a protocol-assignment address in 192.0.0.0/24");
    REFUSED.put("192.0.0.170", "192.0.0.170, a protocol-assignment address in 192.0.0.0/24");
    REFUSED.put("192.0.2.1", "192.0.2.1, a documentation address in 192.0.2.0/24");
    REFUSED.put("198.51.100.7", "198.51.100.7, a documentation address in 198.51.100.0/24");
    REFUSED.put("203.0.113.255", "203.0.113.255, a documentation address in 203.0.113.0/24");
    REFUSED.put("198.18.0.0", "198.18.0.0, a benchmarking address in 198.18.0.0/15");
    REFUSED.put("198.19.255.255", "198.19.255.255, a benchmarking address in 198.18.0.0/15");
    REFUSED.put("240.0.0.1", "240.0.0.1, a reserved address in 240.0.0.0/4");
    REFUSED.put("255.255.255.254", "255.255.255.254, a reserved address in 240.0.0.0/4");
    // IPv6 special-purpose blocks
    REFUSED.put("2001:db8::1", "a documentation address in 2001:db8::/32");
    REFUSED.put("3fff:fff::1", "a documentation address in 3fff::/20");
    REFUSED.put("100::1", "a discard-only address in 100::/64");
    REFUSED.put("5f00:1::1", "a segment-routing address in 5f00::/16");
    REFUSED.put("2001:2::1", "a benchmarking address in 2001:2::/48");
    REFUSED.put("2001:10::1", "a protocol-assignment address in 2001::/23");
    REFUSED.put("2001:1::4", "a protocol-assignment address in 2001::/23");
    REFUSED.put("64:ff9b:1::a00:1", "a local-use translation address in 64:ff9b:1::/48");
    REFUSED.put("fec0::1", "a site-local address in fec0::/10");
    // IPv6 forms that carry an IPv4 address, judged by that address
    REFUSED.put("::7f00:1", "IPv4-compatible form carries 127.0.0.1, a loopback address");
    REFUSED.put(
        "::a00:1", "IPv4-compatible form carries 10.0.0.1, a private address in 10.0.0.0/8");
    REFUSED.put("::2", "IPv4-compatible form carries 0.0.0.2, a this-network address");
    REFUSED.put("64:ff9b::a00:1", "NAT64 form carries 10.0.0.1, a private address");
    REFUSED.put("64:ff9b::a9fe:a9fe", "NAT64 form carries 169.254.169.254, a link-local address");
    REFUSED.put("64:ff9b::c000:201", "NAT64 form carries 192.0.2.1, a documentation address");
    REFUSED.put("2002:7f00:1::", "6to4 form carries 127.0.0.1, a loopback address in 127.0.0.0/8");
    REFUSED.put("2002:c0a8:101::1", "6to4 form carries 192.168.1.1, a private address");
    REFUSED.put(
        "2002:6440:1::", "6to4 form carries 100.64.0.1, a private address in 100.64.0.0/10");
    REFUSED.put("2002:c612:1::", "6to4 form carries 198.18.0.1, a benchmarking address");
    // Teredo: the server is bits 32-63, the client the last 32 bits inverted
    REFUSED.put(
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "Teredo form carries 192.0.2.45, a documentation address");
    REFUSED.put(
        "2001:0:4136:e378:8000:63bf:80ff:fffe",
        "Teredo form carries 127.0.0.1, a loopback address");
    REFUSED.put(
        "2001:0:a00:1:8000:63bf:f7f7:f7f7", "Teredo form carries 10.0.0.1, a private address");
  }

  /** Addresses no rule opens, with what the refusal says of them. */
  static final Map<String, String> NEVER =
      Map.of(
          "255.255.255.255", "255.255.255.255, a broadcast address in 255.255.255.255/32",
          "224.0.0.1", "224.0.0.1, a multicast address in 224.0.0.0/4",
          "239.255.255.250", "239.255.255.250, a multicast address in 224.0.0.0/4",
          "ff02::1", "a multicast address in ff00::/8",
          "0.0.0.0", "0.0.0.0, an unspecified address in 0.0.0.0/32",
          "::", "an unspecified address in ::/128",
          "2002:e000:1::", "6to4 form carries 224.0.0.1, a multicast address",
          "64:ff9b::ffff:ffff", "NAT64 form carries 255.255.255.255, a broadcast address");

  /** Globally reachable addresses, some next to a refused block or carried by another form. */
  static final List<String> PUBLIC =
      List.of(
          "8.8.8.8",
          "192.0.0.9",
          "192.0.0.10",
          "192.0.1.255",
          "198.17.255.255",
          "198.20.0.0",
          "223.255.255.255",
          "2606:2800:220:1::1",
          "2001:20::1",
          "2001:3::1",
          "2001:1::1",
          "3fff:1000::1",
          "::808:808",
          "64:ff9b::808:808",
          "2002:808:808::1",
          "2001:0:4136:e378:8000:63bf:f7f7:f7f7");

  static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.equals("mapped6.example.com")) {
      // an IPv4-mapped address that stays IPv6, as a resolver may hand one over
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      mapped[12] = (byte) 192;
      mapped[13] = (byte) 168;
      mapped[15] = 1;
      return new InetAddress[] {Inet6Address.getByAddress(null, mapped, -1)};
    }
    return new InetAddress[] {InetAddress.getByName(host)};
  }

  static List<String> hosts() {
    List<String> hosts = new ArrayList<>(REFUSED.keySet());
    hosts.addAll(NEVER.keySet());
    hosts.addAll(PUBLIC);
    hosts.addAll(
        List.of("mapped6.example.com", "2002:a00:1::", "2001:0:a00:1:8000:63bf:80ff:fffe"));
    return hosts;
  }

  static CallbackTargets targets(boolean allowPrivateNetworks, List<String> allowedNetworks) {
    return new CallbackTargets(
        P,
        hosts(),
        allowPrivateNetworks,
        allowedNetworks,
        false,
        CallbackTargetsSpecialAddressesTest::resolve);
  }

  static String hostAddress(String literal) {
    try {
      return InetAddress.getByName(literal).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  static String url(String address) {
    return address.contains(":") ? "https://[" + address + "]/hook" : "https://" + address + "/";
  }

  @Test
  void everyBlockThatIsNotGloballyReachableIsRefusedNamingItsKindAndBlock() {
    REFUSED.forEach(
        (address, why) ->
            assertThat(targets(false, List.of()).refusal(url(address)))
                .as(address)
                .get()
                .asString()
                .contains("resolves to " + hostAddress(address))
                .contains(why)
                .contains(P + "allowed-networks does not hold it"));
  }

  @Test
  void unspecifiedMulticastAndBroadcastAddressesAreRefusedWhateverIsAllowed() {
    CallbackTargets open = targets(true, List.of("0.0.0.0/0", "::/0"));
    NEVER.forEach(
        (address, why) ->
            assertThat(open.refusal(url(address)))
                .as(address)
                .get()
                .asString()
                .contains(why)
                .contains("which no callback may reach"));
  }

  @Test
  void globallyReachableAddressesAreAllowedInWhateverFormTheyCome() {
    for (String address : PUBLIC) {
      assertThat(targets(false, List.of()).refusal(url(address))).as(address).isEmpty();
    }
  }

  @Test
  void anIpv4MappedAddressThatStaysIpv6IsJudgedByItsIpv4Address() {
    assertThat(targets(false, List.of()).refusal("https://mapped6.example.com/"))
        .get()
        .asString()
        .contains("IPv4-mapped form carries 192.168.0.1, a private address in 192.168.0.0/16");
    assertThat(targets(false, List.of("192.168.0.0/24")).refusal("https://mapped6.example.com/"))
        .isEmpty();
  }

  @Test
  void allowingPrivateNetworksOpensPrivateKindsOnlyNotTheOtherSpecialBlocks() {
    CallbackTargets all = targets(true, List.of());
    for (String address : List.of("::a00:1", "64:ff9b::a00:1", "2002:7f00:1::", "fec0::1")) {
      assertThat(all.refusal(url(address))).as(address).isEmpty();
    }
    for (String address : List.of("198.18.0.0", "192.0.2.1", "2001:db8::1", "0.1.2.3")) {
      assertThat(all.refusal(url(address)))
          .as(address)
          .get()
          .asString()
          .contains(P + "allowed-networks does not hold it")
          .doesNotContain("allow-private-networks");
    }
  }

  @Test
  void anAllowedIpv4BlockOpensTheAddressesThatCarryIt() {
    CallbackTargets tens = targets(false, List.of("10.0.0.0/8"));
    for (String address :
        List.of("::a00:1", "64:ff9b::a00:1", "2002:a00:1::", "2001:0:a00:1:8000:63bf:f7f7:f7f7")) {
      assertThat(tens.refusal(url(address))).as(address).isEmpty();
    }
    // a carried address outside the block is still refused
    assertThat(tens.refusal(url("64:ff9b::a9fe:a9fe"))).get().asString().contains("link-local");
    // a Teredo address is opened only when both its server and client are
    assertThat(tens.refusal(url("2001:0:a00:1:8000:63bf:80ff:fffe")))
        .get()
        .asString()
        .contains("127.0.0.1, a loopback address");
  }

  @Test
  void anAllowedBlockOpensASpecialBlockAndAnIpv6BlockItsCarriedAddresses() {
    assertThat(targets(false, List.of("198.18.0.0/15")).refusal(url("198.19.255.255"))).isEmpty();
    assertThat(targets(false, List.of("198.18.0.0/15")).refusal(url("2002:c612:1::"))).isEmpty();
    assertThat(targets(false, List.of("64:ff9b:1::/48")).refusal(url("64:ff9b:1::a00:1")))
        .isEmpty();
    assertThat(targets(false, List.of("2001:db8::/32")).refusal(url("2001:db8::1"))).isEmpty();
    assertThat(targets(false, List.of("64:ff9b::/96")).refusal(url("64:ff9b::a00:1"))).isEmpty();
    assertThat(targets(false, List.of("198.18.0.0/16")).refusal(url("198.19.255.255")))
        .get()
        .asString()
        .contains("a benchmarking address in 198.18.0.0/15");
  }
}
