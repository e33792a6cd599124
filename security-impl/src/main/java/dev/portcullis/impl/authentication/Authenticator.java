package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.token.AuthTokenCodec;
import dev.portcullis.impl.token.AuthTokenResult;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds who a request comes from, trying in Flask-Security's fixed order: auth token, session,
 * remember-me cookie, HTTP Basic (Flask-Security {@code core._request_loader}, {@code
 * _user_loader}, {@code decorators._check_http_auth}).
 *
 * <p>A token request never touches the session, and costs one indexed look-up and no password
 * hashing. Inactive users are rejected by every mechanism.
 */
@ApplicationScoped
public class Authenticator {

  private UserStore users;
  private AuthTokenCodec tokens;
  private RememberCookies rememberCookies;
  private SessionLogin sessions;
  private IdentityResolver identities;
  private PasswordCheck passwords;
  private AuthenticationConfig config;

  /** For CDI. */
  protected Authenticator() {}

  @Inject
  Authenticator(
      UserStore users,
      AuthTokenCodec tokens,
      RememberCookies rememberCookies,
      SessionLogin sessions,
      IdentityResolver identities,
      PasswordCheck passwords,
      AuthenticationConfig config) {
    this.users = users;
    this.tokens = tokens;
    this.rememberCookies = rememberCookies;
    this.sessions = sessions;
    this.identities = identities;
    this.passwords = passwords;
    this.config = config;
  }

  /** Authenticates the request and records the result on it. */
  public Optional<Authentication> authenticate(HttpServletRequest request) {
    Optional<Authentication> result =
        fromToken(request)
            .or(() -> fromSession(request))
            .or(() -> fromRememberCookie(request))
            .or(() -> fromBasic(request));
    result.ifPresent(a -> a.attachTo(request));
    return result;
  }

  private Optional<Authentication> fromToken(HttpServletRequest request) {
    // From the query string only: getParameter() would consume a form body the API still needs.
    String token = QueryString.parameter(request.getQueryString(), config.tokenQueryKey());
    if (token == null || token.isEmpty()) {
      token = request.getHeader(config.tokenHeader());
    }
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    AuthTokenResult result = tokens.parse(token, config.tokenMaxAge().orElse(null));
    if (!(result instanceof AuthTokenResult.Valid valid)) {
      return Optional.empty();
    }
    return users
        .findByTokenUniquifier(valid.uid())
        .filter(UserRecord::active)
        .map(user -> new Authentication(user, Mechanism.TOKEN));
  }

  private Optional<Authentication> fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SessionKeys.USER_ID) instanceof String uid)) {
      return Optional.empty();
    }
    Optional<UserRecord> user = users.findByUniquifier(uid).filter(UserRecord::active);
    if (user.isEmpty()) {
      // The uniquifier was rotated or the user deactivated: this session is over.
      session.removeAttribute(SessionKeys.USER_ID);
      session.removeAttribute(SessionKeys.FRESHNESS);
    }
    return user.map(u -> new Authentication(u, Mechanism.SESSION));
  }

  private Optional<Authentication> fromRememberCookie(HttpServletRequest request) {
    Optional<UserRecord> user =
        rememberCookies
            .uniquifier(request)
            .flatMap(users::findByUniquifier)
            .filter(UserRecord::active);
    user.ifPresent(u -> sessions.resume(request, u));
    return user.map(u -> new Authentication(u, Mechanism.SESSION));
  }

  private Optional<Authentication> fromBasic(HttpServletRequest request) {
    return BasicCredentials.of(request.getHeader("Authorization"))
        .flatMap(
            credentials ->
                identities
                    .resolve(credentials.identity())
                    .filter(user -> passwords.verifyAndUpdate(user, credentials.password()))
                    .filter(UserRecord::active))
        .map(user -> new Authentication(user, Mechanism.BASIC));
  }

  /** The two halves of an {@code Authorization: Basic} header. */
  record BasicCredentials(String identity, String password) {

    static Optional<BasicCredentials> of(String header) {
      if (header == null
          || header.length() > 8192
          || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return "BasicCredentials[identity=" + identity + "]";
    }
  }
}
