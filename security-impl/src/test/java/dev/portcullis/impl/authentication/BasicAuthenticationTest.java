package dev.portcullis.impl.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Which Basic headers no attempt can read (issue 12: the mechanism marks those requests so that
 * Open Liberty's own audit of the header does not fail on them).
 */
class BasicAuthenticationTest {

  @Test
  void unreadableHeaderWhenNotBase64OrWithoutColonThenTrue() {
    assertThat(BasicAuthentication.unreadableHeader(request("Basic !!!"))).isTrue();
    assertThat(BasicAuthentication.unreadableHeader(request("basic !!!"))).isTrue();
    assertThat(BasicAuthentication.unreadableHeader(request("Basic " + base64("no-colon"))))
        .isTrue();
    assertThat(BasicAuthentication.unreadableHeader(request("Basic " + base64(":password"))))
        .isTrue();
    assertThat(BasicAuthentication.unreadableHeader(request("Basic "))).isTrue();
  }

  @Test
  void unreadableHeaderWhenWellFormedOrNotBasicThenFalse() {
    assertThat(BasicAuthentication.unreadableHeader(request("Basic " + base64("ann:wrong"))))
        .isFalse();
    assertThat(BasicAuthentication.unreadableHeader(request("Bearer !!!"))).isFalse();
    assertThat(BasicAuthentication.unreadableHeader(request(null))).isFalse();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpServletRequest request(String authorization) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            BasicAuthenticationTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader") && "Authorization".equals(args[0])
                    ? authorization
                    : null);
  }
}
