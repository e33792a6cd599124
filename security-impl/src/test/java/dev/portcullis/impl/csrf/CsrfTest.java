package dev.portcullis.impl.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.rest.TestMessages;
import dev.portcullis.impl.token.CsrfTokens;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsrfTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
  static final CsrfTokens TOKENS =
      new CsrfTokens(
          new PurposeTokens(new TokenSigner("a-secret-key", CLOCK), TokenSalts.defaults()),
          new SecureRandom());
  static final CsrfConfig CONFIG =
      new CsrfConfig(
          true,
          Duration.ofHours(1),
          Set.of(Mechanism.SESSION, Mechanism.BASIC),
          false,
          Optional.empty(),
          "Strict",
          false,
          "X-XSRF-Token",
          false);

  final Csrf csrf = new Csrf(TOKENS, CONFIG, TestMessages.bundle());
  final Browser browser = new Browser();

  @Test
  void tokenWhenNoSessionThenNoSessionCreatedAndHttpOnlyLaxCookieSent() {
    Exchange get = browser.exchange();
    String token = csrf.token(get.request());
    csrf.writeCookie(get.request(), get.response());
    browser.receive(get);

    assertThat(token).isNotBlank();
    assertThat(browser.session).isNull();
    Cookie cookie = get.sent(Csrf.COOKIE_NAME).orElseThrow();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/app");
    assertThat(cookie.getSecure()).isFalse();
    assertThat(cookie.getMaxAge()).isEqualTo(-1);
    assertThat(cookie.getValue()).isNotEqualTo(token);
  }

  @Test
  void tokenWhenRequestSecureThenCookieSecure() {
    browser.secure = true;
    Exchange get = browser.exchange();
    csrf.token(get.request());
    csrf.writeCookie(get.request(), get.response());
    assertThat(get.sent(Csrf.COOKIE_NAME).orElseThrow().getSecure()).isTrue();
  }

  @Test
  void tokenWhenCalledTwiceInOneRequestThenSameRawValueAndOneCookie() {
    Exchange get = browser.exchange();
    String first = csrf.token(get.request());
    String second = csrf.token(get.request());
    csrf.writeCookie(get.request(), get.response());
    csrf.writeCookie(get.request(), get.response());
    browser.receive(get);
    assertThat(get.cookies).hasSize(1);
    assertThat(failure(first)).isEmpty();
    assertThat(failure(second)).isEmpty();
  }

  @Test
  void failureWhenTokenMatchesCookieThenEmptyAndNoSession() {
    String token = issue();
    assertThat(failure(token)).isEmpty();
    assertThat(browser.session).isNull();
  }

  @Test
  void failureWhenCookieTamperedThenSessionTokenMissing() {
    String token = issue();
    String cookie = browser.cookies.get(Csrf.COOKIE_NAME);
    browser.cookies.put(
        Csrf.COOKIE_NAME,
        cookie.substring(0, cookie.length() - 1) + flip(cookie.charAt(cookie.length() - 1)));
    assertThat(failure(token)).contains("The CSRF session token is missing.");
    browser.cookies.put(Csrf.COOKIE_NAME, "forged");
    assertThat(failure(token)).contains("The CSRF session token is missing.");
  }

  @Test
  void failureWhenTokenOfAnotherBrowsersCookieThenMismatch() {
    Browser other = new Browser();
    Exchange get = other.exchange();
    String othersToken = csrf.token(get.request());
    issue();
    assertThat(failure(othersToken)).contains("The CSRF tokens do not match.");
  }

  @Test
  void failureWhenNoCookieNoSessionThenSessionTokenMissing() {
    String token = issue();
    browser.cookies.clear();
    assertThat(failure(token)).contains("The CSRF session token is missing.");
  }

  @Test
  void tokenWhenSessionStartsThenCookieValueMovesIntoSessionAndCookieDeleted() {
    String before = issue();
    browser.session = new HashMap<>(); // signed in by this request
    Exchange login = browser.exchange();
    String after = csrf.token(login.request());
    csrf.writeCookie(login.request(), login.response());
    browser.receive(login);

    assertThat(login.sent(Csrf.COOKIE_NAME).orElseThrow().getMaxAge()).isZero();
    assertThat(browser.cookies).doesNotContainKey(Csrf.COOKIE_NAME);
    assertThat(browser.session).containsKey(SessionKeys.CSRF_TOKEN);
    assertThat(failure(before)).isEmpty();
    assertThat(failure(after)).isEmpty();
  }

  @Test
  void clearCookieWhenLogoutThenCookieDeletedAndTokenRefused() {
    String token = issue();
    Exchange logout = browser.exchange();
    csrf.clearCookie(logout.request(), logout.response());
    csrf.writeCookie(logout.request(), logout.response());
    browser.receive(logout);
    assertThat(logout.cookies).hasSize(1);
    assertThat(browser.cookies).doesNotContainKey(Csrf.COOKIE_NAME);
    assertThat(failure(token)).contains("The CSRF session token is missing.");
  }

  @Test
  void tokenWhenSessionHoldsRawValueThenNoCookie() {
    browser.session = new HashMap<>();
    Exchange get = browser.exchange();
    String token = csrf.token(get.request());
    csrf.writeCookie(get.request(), get.response());
    assertThat(get.cookies).isEmpty();
    assertThat(failure(token)).isEmpty();
  }

  /** One JSON GET that hands out a token; returns it. */
  private String issue() {
    Exchange get = browser.exchange();
    String token = csrf.token(get.request());
    csrf.writeCookie(get.request(), get.response());
    browser.receive(get);
    return token;
  }

  private Optional<String> failure(String token) {
    Exchange post = browser.exchange();
    Optional<String> failure = csrf.failure(post.request(), token);
    csrf.writeCookie(post.request(), post.response());
    browser.receive(post);
    return failure;
  }

  private static char flip(char c) {
    return c == 'A' ? 'B' : 'A';
  }

  /** A cookie jar and an optional server session (its attributes), across exchanges. */
  static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    Map<String, Object> session;
    boolean secure;

    Exchange exchange() {
      return new Exchange(this);
    }

    void receive(Exchange exchange) {
      for (Cookie cookie : exchange.cookies) {
        if (cookie.getMaxAge() == 0) {
          cookies.remove(cookie.getName());
        } else {
          cookies.put(cookie.getName(), cookie.getValue());
        }
      }
    }
  }

  /** One request and its response; a request never creates a session here without saying so. */
  static final class Exchange {
    final Browser browser;
    final Map<String, Object> attributes = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Exchange(Browser browser) {
      this.browser = browser;
      this.request = proxy(HttpServletRequest.class, this::onRequest);
      this.response = proxy(HttpServletResponse.class, this::onResponse);
    }

    HttpServletRequest request() {
      return request;
    }

    HttpServletResponse response() {
      return response;
    }

    Optional<Cookie> sent(String name) {
      return cookies.stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private Object onRequest(String method, Object[] args) {
      return switch (method) {
        case "getAttribute" -> attributes.get((String) args[0]);
        case "setAttribute" -> attributes.put((String) args[0], args[1]);
        case "removeAttribute" -> attributes.remove((String) args[0]);
        case "getCookies" ->
            browser.cookies.isEmpty()
                ? null
                : browser.cookies.entrySet().stream()
                    .map(e -> new Cookie(e.getKey(), e.getValue()))
                    .toArray(Cookie[]::new);
        case "getSession" -> session(args != null && args.length == 1 && (Boolean) args[0]);
        case "getContextPath" -> "/app";
        case "isSecure" -> browser.secure;
        default -> null;
      };
    }

    private HttpSession session(boolean create) {
      if (browser.session == null) {
        assertThat(create).as("a session is created").isFalse();
        return null;
      }
      Map<String, Object> attributes = browser.session;
      return proxy(
          HttpSession.class,
          (method, args) ->
              switch (method) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                default -> null;
              });
    }

    private Object onResponse(String method, Object[] args) {
      if (method.equals("addCookie")) {
        cookies.add((Cookie) args[0]);
      }
      return null;
    }
  }

  interface Handler {
    Object handle(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            CsrfTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> handler.handle(method.getName(), args)));
  }
}
