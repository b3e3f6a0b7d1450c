package io.s2l.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackTargetsTest {

  /** A DNS of fixed answers, so that each rule meets the address it is about. */
  static final Map<String, List<String>> DNS =
      Map.of(
          "hooks.example.com", List.of("93.184.216.34"),
          "a.hooks.example.com", List.of("93.184.216.34", "2606:2800:220:1::1"),
          "rebound.example.com", List.of("93.184.216.34", "10.0.0.7"),
          "metadata.example.com", List.of("169.254.169.254"),
          "cgnat.example.com", List.of("100.64.1.1"),
          "ula.example.com", List.of("fd12:3456::1"),
          "mapped.example.com", List.of("::ffff:192.168.1.1"),
          "localhost", List.of("127.0.0.1", "::1"));

  static InetAddress[] resolve(String host) throws UnknownHostException {
    List<String> addresses = DNS.get(host);
    if (addresses == null) {
      // a literal address resolves to itself, as with InetAddress.getAllByName
      if (host.matches("[0-9.]+|.*:.*")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    }
    InetAddress[] out = new InetAddress[addresses.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = InetAddress.getByName(addresses.get(i));
    }
    return out;
  }

  static final List<String> HOSTS =
      List.of(
          "hooks.example.com",
          "*.hooks.example.com",
          "rebound.example.com",
          "metadata.example.com",
          "cgnat.example.com",
          "ula.example.com",
          "mapped.example.com",
          "localhost",
          "10.0.0.1",
          "169.254.169.254",
          "127.0.0.1",
          "::1",
          "unknown.example.com");

  static CallbackTargets strict() {
    return new CallbackTargets(
        "s2l.experiment.callbacks.", HOSTS, false, List.of(), false, CallbackTargetsTest::resolve);
  }

  @Test
  void aPublicHttpsHostOnTheListIsAllowedAsAreNamesUnderAWildcard() {
    assertThat(strict().refusal("https://hooks.example.com/s2l")).isEmpty();
    assertThat(strict().refusal("https://a.hooks.example.com:8443/x?y=1")).isEmpty();
    assertThat(strict().refusal("https://HOOKS.example.com/s2l")).isEmpty();
  }

  @Test
  void aHostOffTheListIsRefusedAndAnEmptyListRefusesEverything() {
    assertThat(strict().refusal("https://evil.example.org/"))
        .get()
        .asString()
        .contains("not in s2l.experiment.callbacks.allowed-hosts");
    // the wildcard covers names under it, not the name itself nor look-alikes
    CallbackTargets wildcardOnly =
        new CallbackTargets(
            "s2l.experiment.callbacks.",
            List.of("*.hooks.example.com"),
            false,
            List.of(),
            false,
            CallbackTargetsTest::resolve);
    assertThat(wildcardOnly.refusal("https://hooks.example.com/")).isPresent();
    assertThat(wildcardOnly.refusal("https://evilhooks.example.com/")).isPresent();
    // blank entries, as an empty environment variable may give, count as none
    for (List<String> empty : List.of(List.<String>of(), List.of(" "))) {
      CallbackTargets none =
          new CallbackTargets(
              "s2l.experiment.callbacks.",
              empty,
              true,
              List.of(""),
              true,
              CallbackTargetsTest::resolve);
      assertThat(none.refusal("https://hooks.example.com/"))
          .get()
          .asString()
          .contains("allowed-hosts is empty");
    }
  }

  @Test
  void httpIsRefusedUnlessAllowed() {
    assertThat(strict().refusal("http://hooks.example.com/"))
        .get()
        .asString()
        .contains("must use https")
        .contains("allow-http");
    CallbackTargets http =
        new CallbackTargets(
            "s2l.experiment.callbacks.",
            HOSTS,
            false,
            List.of(),
            true,
            CallbackTargetsTest::resolve);
    assertThat(http.refusal("http://hooks.example.com/")).isEmpty();
  }

  @Test
  void everyPrivateKindOfAddressIsRefusedNamingTheAddressAndTheRule() {
    Map<String, String> refused =
        Map.of(
            "https://10.0.0.1/", "10.0.0.1, a private address",
            "https://169.254.169.254/latest/meta-data", "169.254.169.254, a link-local address",
            "https://localhost/", "a loopback address",
            "https://127.0.0.1/", "127.0.0.1, a loopback address",
            "https://[::1]/", "a loopback address",
            "https://metadata.example.com/", "169.254.169.254, a link-local address",
            "https://cgnat.example.com/", "100.64.1.1, a private address",
            "https://ula.example.com/", "a unique-local address",
            "https://mapped.example.com/", "192.168.1.1, a private address");
    refused.forEach(
        (url, why) ->
            assertThat(strict().refusal(url))
                .as(url)
                .get()
                .asString()
                .contains(why)
                .contains("allow-private-networks is false"));
  }

  @Test
  void onePrivateAddressAmongSeveralIsEnoughToRefuse() {
    assertThat(strict().refusal("https://rebound.example.com/"))
        .get()
        .asString()
        .contains("10.0.0.7");
  }

  @Test
  void privateNetworksMayBeAllowedInAllOrByBlock() {
    CallbackTargets all =
        new CallbackTargets(
            "s2l.experiment.callbacks.",
            HOSTS,
            true,
            List.of(),
            false,
            CallbackTargetsTest::resolve);
    assertThat(all.refusal("https://10.0.0.1/")).isEmpty();
    assertThat(all.refusal("https://localhost/")).isEmpty();

    CallbackTargets loopbackOnly =
        new CallbackTargets(
            "s2l.experiment.callbacks.",
            HOSTS,
            false,
            List.of("127.0.0.0/8", "::1/128"),
            false,
            CallbackTargetsTest::resolve);
    assertThat(loopbackOnly.refusal("https://localhost/")).isEmpty();
    assertThat(loopbackOnly.refusal("https://127.0.0.1/")).isEmpty();
    assertThat(loopbackOnly.refusal("https://10.0.0.1/")).isPresent();
    assertThat(loopbackOnly.refusal("https://169.254.169.254/")).isPresent();
  }

  @Test
  void anUnresolvableHostIsRefused() {
    assertThat(strict().refusal("https://unknown.example.com/"))
        .get()
        .asString()
        .contains("cannot be resolved");
  }

  @Test
  void allowedNetworksMustBeCidrBlocksOfLiteralAddresses() {
    for (String bad : List.of("10.0.0.0", "10.0.0.0/33", "example.com/24", "::1/129")) {
      assertThatThrownBy(
              () ->
                  new CallbackTargets(
                      "s2l.experiment.callbacks.",
                      HOSTS,
                      false,
                      List.of(bad),
                      false,
                      CallbackTargetsTest::resolve))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }

  @Test
  void cidrBlocksMatchByPrefix() throws UnknownHostException {
    Cidr block = Cidr.parse("192.168.8.0/21");
    assertThat(block.contains(InetAddress.getByName("192.168.15.255"))).isTrue();
    assertThat(block.contains(InetAddress.getByName("192.168.16.0"))).isFalse();
    assertThat(block.contains(InetAddress.getByName("::1"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
  }
}
