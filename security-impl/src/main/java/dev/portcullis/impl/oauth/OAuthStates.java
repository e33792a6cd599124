package dev.portcullis.impl.oauth;

import dev.portcullis.impl.http.Cookies;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Keeps a started {@link OAuthAuthorization} in the starting browser's {@code fs_oauth} cookie
 * (Flask-Security keeps Authlib's state in its signed cookie session): signed under its own
 * purpose, so it can be neither forged nor taken for another token; HttpOnly and SameSite=Lax, so
 * it comes back on the provider's top-level redirect but not on other sites' requests; limited to
 * {@code security.oauth_state_lifetime}. Binding the state to this cookie is what makes an answer
 * valid only in the browser that started the sign-in (RFC 6749 §10.12). No server session is
 * created before sign-in.
 */
@ApplicationScoped
class OAuthStates {

  static final String COOKIE = "fs_oauth";

  private PurposeTokens tokens;
  private OAuthConfig config;

  /** For CDI. */
  protected OAuthStates() {}

  @Inject
  OAuthStates(PurposeTokens tokens, OAuthConfig config) {
    this.tokens = tokens;
    this.config = config;
  }

  /** The cookie that carries {@code started} until the provider answers. */
  Cookie save(HttpServletRequest request, OAuthAuthorization started) {
    String value =
        tokens.sign(
            TokenPurpose.OAUTH_STATE,
            Jsons.array()
                .add(started.provider())
                .add(started.state())
                .add(started.nonce())
                .add(started.codeVerifier())
                .add(started.redirectUri().toString())
                .add(started.next().orElse(""))
                .build());
    int maxAge = (int) Math.min(Integer.MAX_VALUE, config.stateLifetime().toSeconds());
    return Cookies.internal(request, COOKIE, value, maxAge);
  }

  /** The authorization this browser started, if its cookie is genuine and not expired. */
  Optional<OAuthAuthorization> read(HttpServletRequest request) {
    Optional<String> value = Cookies.value(request, COOKIE);
    if (value.isEmpty()
        || !(tokens.verify(TokenPurpose.OAUTH_STATE, value.get(), config.stateLifetime())
            instanceof TokenCheck.Valid valid)
        || !(valid.payload() instanceof JsonArray parts)
        || parts.size() != 6) {
      return Optional.empty();
    }
    try {
      String next = parts.getString(5, "");
      return Optional.of(
          new OAuthAuthorization(
              parts.getString(0, ""),
              parts.getString(1, ""),
              parts.getString(2, ""),
              parts.getString(3, ""),
              new URI(parts.getString(4, "")),
              next.isEmpty() ? Optional.empty() : Optional.of(next)));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Deletes the cookie: an authorization is answered once. */
  Cookie cleared(HttpServletRequest request) {
    return Cookies.internal(request, COOKIE, "", 0);
  }
}
