package dev.portcullis.impl.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedHostsTest {

  @Test
  void allowsWhenNothingListedThenNoHost() {
    TrustedHosts none = TrustedHosts.parse(List.of());
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.allows("localhost", 8080)).isFalse();
  }

  @Test
  void allowsWhenHostWithoutPortListedThenThatHostOnAnyPort() {
    TrustedHosts hosts = TrustedHosts.parse(List.of("app.example.com", "LOCALHOST"));
    assertThat(hosts.allows("app.example.com", 443)).isTrue();
    assertThat(hosts.allows("App.Example.COM", 8443)).isTrue();
    assertThat(hosts.allows("localhost", 8080)).isTrue();
    assertThat(hosts.allows("evil.example", 443)).isFalse();
    assertThat(hosts.allows("x.app.example.com", 443)).isFalse();
    assertThat(hosts.allows("app.example.com.evil.example", 443)).isFalse();
  }

  @Test
  void allowsWhenHostWithPortListedThenOnlyThatPort() {
    TrustedHosts hosts = TrustedHosts.parse(List.of("app.example.com:8443"));
    assertThat(hosts.allows("app.example.com", 8443)).isTrue();
    assertThat(hosts.allows("app.example.com", 443)).isFalse();
  }

  @Test
  void allowsWhenLeadingDotThenDomainAndSubdomains() {
    TrustedHosts hosts = TrustedHosts.parse(List.of(".example.com"));
    assertThat(hosts.allows("example.com", 80)).isTrue();
    assertThat(hosts.allows("a.b.example.com", 80)).isTrue();
    assertThat(hosts.allows("badexample.com", 80)).isFalse();
  }

  @Test
  void allowsWhenIpv6LiteralListedThenMatchedInBrackets() {
    TrustedHosts hosts = TrustedHosts.parse(List.of("[::1]", "[fd00::2]:8080"));
    assertThat(hosts.allows("[::1]", 9000)).isTrue();
    assertThat(hosts.allows("[FD00::2]", 8080)).isTrue();
    assertThat(hosts.allows("[fd00::2]", 8081)).isFalse();
    assertThat(hosts.allows("[0:0:0:0:0:0:0:1]", 80)).isTrue();
  }

  @Test
  void allowsWhenHostMissingThenFalse() {
    assertThat(TrustedHosts.parse(List.of("localhost")).allows(null, 80)).isFalse();
  }

  @Test
  void parseWhenEntryIsNotAHostThenRejectedWithTheEntry() {
    for (String bad :
        List.of("https://app.example.com", "app.example.com:http", "*", "::1", "a b", "h:0")) {
      assertThatThrownBy(() -> TrustedHosts.parse(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}
