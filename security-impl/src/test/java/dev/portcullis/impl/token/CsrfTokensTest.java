package dev.portcullis.impl.token;

import static dev.portcullis.impl.token.TokenFixtures.SECRET;
import static dev.portcullis.impl.token.TokenFixtures.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.rest.TestMessages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

  private static final JsonObject FLASK_WTF = TokenFixtures.VECTORS.getJsonObject("csrf");
  private static final String RAW = FLASK_WTF.getString("raw");
  private static final String TOKEN = FLASK_WTF.getString("token");

  private final MutableClock clock = MutableClock.atEpochSecond(TIMESTAMP);
  private final PurposeTokens tokens =
      new PurposeTokens(new TokenSigner(SECRET, clock), TokenSalts.defaults());
  private final CsrfTokens csrf = new CsrfTokens(tokens, new SecureRandom());

  @Test
  void signedTokenWhenSameTimestampThenEqualsFlaskWtfToken() {
    assertThat(csrf.signedToken(RAW)).isEqualTo(TOKEN);
  }

  @Test
  void validateWhenFlaskWtfTokenWithinLimitThenOk() {
    clock.advance(Duration.ofSeconds(3600));
    assertThat(csrf.validate(TOKEN, RAW)).isEqualTo(CsrfCheck.OK);
  }

  @Test
  void validateWhenOlderThanLimitThenExpired() {
    clock.advance(Duration.ofSeconds(3601));
    assertThat(csrf.validate(TOKEN, RAW)).isEqualTo(CsrfCheck.EXPIRED);
    assertThat(TestMessages.bundle().text(CsrfCheck.EXPIRED.messageKey()))
        .isEqualTo("The CSRF token has expired.");
  }

  @Test
  void validateWhenTimeLimitNullThenOkForever() {
    clock.advance(Duration.ofDays(3650));
    assertThat(csrf.validate(TOKEN, RAW, null)).isEqualTo(CsrfCheck.OK);
  }

  @Test
  void validateWhenTokenMissingThenMissing() {
    assertThat(csrf.validate(null, RAW)).isEqualTo(CsrfCheck.MISSING);
    assertThat(csrf.validate("", RAW)).isEqualTo(CsrfCheck.MISSING);
    assertThat(TestMessages.bundle().text(CsrfCheck.MISSING.messageKey()))
        .isEqualTo("The CSRF token is missing.");
  }

  @Test
  void validateWhenSessionHasNoRawTokenThenSessionMissing() {
    assertThat(csrf.validate(TOKEN, null)).isEqualTo(CsrfCheck.SESSION_MISSING);
    assertThat(TestMessages.bundle().text(CsrfCheck.SESSION_MISSING.messageKey()))
        .isEqualTo("The CSRF session token is missing.");
  }

  @Test
  void validateWhenNotOurTokenThenInvalid() {
    assertThat(csrf.validate("garbage", RAW)).isEqualTo(CsrfCheck.INVALID);
    String otherPurpose = tokens.sign(TokenPurpose.TWO_FACTOR_VALIDITY, Json.createValue(RAW));
    assertThat(csrf.validate(otherPurpose, RAW)).isEqualTo(CsrfCheck.INVALID);
    String notAString = tokens.sign(TokenPurpose.CSRF, Json.createArrayBuilder().add(RAW).build());
    assertThat(csrf.validate(notAString, RAW)).isEqualTo(CsrfCheck.INVALID);
    assertThat(TestMessages.bundle().text(CsrfCheck.INVALID.messageKey()))
        .isEqualTo("The CSRF token is invalid.");
  }

  @Test
  void validateWhenTokenFromAnotherSessionThenMismatch() {
    assertThat(csrf.validate(TOKEN, csrf.newRawToken())).isEqualTo(CsrfCheck.MISMATCH);
    assertThat(TestMessages.bundle().text(CsrfCheck.MISMATCH.messageKey()))
        .isEqualTo("The CSRF tokens do not match.");
  }

  @Test
  void newRawTokenWhenCalledThenFortyHexCharsAndFresh() {
    String raw = csrf.newRawToken();
    assertThat(raw).matches("[0-9a-f]{40}").isNotEqualTo(csrf.newRawToken());
    assertThat(csrf.validate(csrf.signedToken(raw), raw)).isEqualTo(CsrfCheck.OK);
  }

  @Test
  void cookieValueWhenReadBackThenSameRawToken() {
    String cookie = csrf.cookieValue(RAW);
    assertThat(csrf.rawFromCookie(cookie, Duration.ofSeconds(3600))).contains(RAW);
  }

  @Test
  void rawFromCookieWhenTamperedThenEmpty() {
    String cookie = csrf.cookieValue(RAW);
    String flipped = cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");
    assertThat(csrf.rawFromCookie(flipped, Duration.ofSeconds(3600))).isEmpty();
    assertThat(csrf.rawFromCookie("garbage", Duration.ofSeconds(3600))).isEmpty();
    assertThat(csrf.rawFromCookie("", Duration.ofSeconds(3600))).isEmpty();
    assertThat(csrf.rawFromCookie(null, Duration.ofSeconds(3600))).isEmpty();
  }

  @Test
  void rawFromCookieWhenSignedForAnotherPurposeThenEmpty() {
    // The signed CSRF token itself carries the raw value: it must not pass as the cookie.
    assertThat(csrf.rawFromCookie(TOKEN, null)).isEmpty();
    for (TokenPurpose purpose : TokenPurpose.values()) {
      if (purpose != TokenPurpose.CSRF_COOKIE) {
        String other = tokens.sign(purpose, Json.createValue(RAW));
        assertThat(csrf.rawFromCookie(other, null)).as(purpose.name()).isEmpty();
      }
    }
  }

  @Test
  void validateWhenCookieValuePresentedAsTokenThenInvalid() {
    assertThat(csrf.validate(csrf.cookieValue(RAW), RAW)).isEqualTo(CsrfCheck.INVALID);
  }

  @Test
  void rawFromCookieWhenOlderThanLimitThenEmpty() {
    String cookie = csrf.cookieValue(RAW);
    clock.advance(Duration.ofSeconds(3601));
    assertThat(csrf.rawFromCookie(cookie, Duration.ofSeconds(3600))).isEmpty();
    assertThat(csrf.rawFromCookie(cookie, null)).contains(RAW);
  }

  @Test
  void rawFromCookieWhenPayloadNotARawTokenThenEmpty() {
    String array =
        tokens.sign(TokenPurpose.CSRF_COOKIE, Json.createArrayBuilder().add(RAW).build());
    String notHex = tokens.sign(TokenPurpose.CSRF_COOKIE, Json.createValue("x".repeat(40)));
    assertThat(csrf.rawFromCookie(array, null)).isEmpty();
    assertThat(csrf.rawFromCookie(notHex, null)).isEmpty();
  }
}
