package dev.portcullis.impl.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenSalts;
import dev.portcullis.impl.token.TokenSigner;
import dev.portcullis.spi.UserRecord;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidityCookieTest {

  /** token-fixtures/vectors.json: itsdangerous, salt tf-validity-salt, payload "0f1e2d3c". */
  static final String FLASK_SECRET = "portcullis-fixture-secret-\u00e9\u00df";

  static final String FLASK_TOKEN = "IjBmMWUyZDNjIg.ZVPxAA.wj_Y70dnGVU05-YesHN7N3_uqwg";
  static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);

  private final FakeExchange exchange = new FakeExchange();

  @Test
  void waivesWhenFlaskCookieForTheUserThenTrue() {
    ValidityCookie cookie = cookie(false, SIGNED_AT.plusSeconds(60));
    exchange.requestCookies.add(new Cookie("tf_validity", FLASK_TOKEN));

    assertThat(cookie.waives(user("0f1e2d3c"), exchange.request())).isTrue();
  }

  @Test
  void waivesWhenUniquifierRotatedThenFalse() {
    // A password change, a reset and reset_access all give the user a new fs_uniquifier.
    ValidityCookie cookie = cookie(false, SIGNED_AT.plusSeconds(60));
    exchange.requestCookies.add(new Cookie("tf_validity", FLASK_TOKEN));

    assertThat(cookie.waives(user("a-new-uniquifier"), exchange.request())).isFalse();
  }

  @Test
  void waivesWhenAlwaysValidateOrExpiredOrTamperedOrMissingThenFalse() {
    exchange.requestCookies.add(new Cookie("tf_validity", FLASK_TOKEN));
    UserRecord user = user("0f1e2d3c");

    assertThat(cookie(true, SIGNED_AT.plusSeconds(60)).waives(user, exchange.request())).isFalse();
    assertThat(
            cookie(false, SIGNED_AT.plus(Duration.ofDays(30)).plusSeconds(1))
                .waives(user, exchange.request()))
        .isFalse();
    exchange.requestCookies.set(0, new Cookie("tf_validity", FLASK_TOKEN.replace("wj_Y", "wj_Z")));
    assertThat(cookie(false, SIGNED_AT.plusSeconds(60)).waives(user, exchange.request())).isFalse();
    exchange.requestCookies.clear();
    assertThat(cookie(false, SIGNED_AT.plusSeconds(60)).waives(user, exchange.request())).isFalse();
  }

  @Test
  void issueIfAskedWhenRememberedThenFlaskTokenInACookieWithTheConfiguredAttributes() {
    ValidityCookie cookie = cookie(false, SIGNED_AT);

    cookie.issueIfAsked(user("0f1e2d3c"), true, exchange.request(), exchange.response());

    Cookie issued = exchange.responseCookies.get(0);
    assertThat(issued.getName()).isEqualTo("tf_validity");
    assertThat(issued.getValue())
        .as("byte for byte what Flask-Security issues")
        .isEqualTo(FLASK_TOKEN);
    assertThat(issued.getMaxAge()).isEqualTo((int) Duration.ofDays(30).toSeconds());
    assertThat(issued.isHttpOnly()).isTrue();
    assertThat(issued.getSecure()).isFalse();
    assertThat(issued.getAttribute("SameSite")).isEqualTo("Strict");
    assertThat(issued.getPath()).isEqualTo("/app");
    assertThat(exchange.responseHeaders).containsEntry("Vary", "Cookie");
    assertThat(new String(Base64.getUrlDecoder().decode(issued.getValue().split("\\.")[0])))
        .isEqualTo("\"0f1e2d3c\"");
  }

  @Test
  void issueIfAskedWhenNotRememberedOrAlwaysValidateThenNoCookie() {
    cookie(false, SIGNED_AT)
        .issueIfAsked(user("u"), false, exchange.request(), exchange.response());
    cookie(true, SIGNED_AT).issueIfAsked(user("u"), true, exchange.request(), exchange.response());

    assertThat(exchange.responseCookies).isEmpty();
  }

  private static ValidityCookie cookie(boolean alwaysValidate, Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    TwoFactorTestBeans beans =
        new TwoFactorTestBeans(
            Map.of("security.two_factor_always_validate", String.valueOf(alwaysValidate)), clock);
    ValidityCookie cookie = new ValidityCookie();
    cookie.config = beans.configuration.twoFactor();
    cookie.tokens = new PurposeTokens(new TokenSigner(FLASK_SECRET, clock), TokenSalts.defaults());
    return cookie;
  }

  private static UserRecord user(String uniquifier) {
    UserRecord base = TwoFactorTestBeans.user(1, "authenticator", "{}", null);
    return new UserRecord(
        base.id(),
        base.email(),
        base.username(),
        null,
        true,
        uniquifier,
        "t",
        null,
        base.confirmedAt(),
        null,
        null,
        null,
        null,
        0,
        "authenticator",
        "{}",
        null,
        null,
        null,
        java.util.List.of(),
        null,
        null,
        base.createDatetime(),
        base.updateDatetime());
  }
}
