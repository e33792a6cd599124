package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.token.AuthTokenCodec;
import dev.portcullis.impl.token.AuthTokenResult;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Finds who a request comes from, trying in Flask-Security's fixed order: auth token, (Portcullis'
 * MicroProfile JWT bearer token,) session, remember-me cookie (Flask-Security {@code
 * core._request_loader}, {@code _user_loader}).
 *
 * <p>HTTP Basic is not tried here, for every request, but only by the access check of an endpoint
 * that accepts it ({@link BasicAuthentication}), as Flask-Security's {@code auth_required} does.
 *
 * <p>A token request never touches the session, and costs one indexed look-up (none while {@link
 * IdentityCache} keeps the user) and no password hashing. Inactive users are rejected by every
 * mechanism.
 */
@ApplicationScoped
public class Authenticator {

  private UserStore users;
  private AuthTokenCodec tokens;
  private RememberCookies rememberCookies;
  private SessionLogin sessions;
  private AuthenticationConfig config;
  private Instance<BearerTokens> bearerTokens;
  private IdentityCache identities;

  /** For CDI. */
  protected Authenticator() {}

  @Inject
  Authenticator(
      UserStore users,
      AuthTokenCodec tokens,
      RememberCookies rememberCookies,
      SessionLogin sessions,
      AuthenticationConfig config,
      Instance<BearerTokens> bearerTokens,
      IdentityCache identities) {
    this.users = users;
    this.tokens = tokens;
    this.rememberCookies = rememberCookies;
    this.sessions = sessions;
    this.config = config;
    this.bearerTokens = bearerTokens;
    this.identities = identities;
  }

  /** Authenticates the request and records the result on it. */
  public Optional<Authentication> authenticate(HttpServletRequest request) {
    Optional<Authentication> result =
        fromToken(request)
            .or(() -> fromBearer(request))
            .or(() -> fromSession(request))
            .or(() -> fromRememberCookie(request));
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
    return identities
        .byTokenUniquifier(valid.uid(), users::findByTokenUniquifier)
        .filter(UserRecord::active)
        .map(user -> new Authentication(user, Mechanism.TOKEN));
  }

  /** A MicroProfile JWT access token of ours; never touches the session. */
  private Optional<Authentication> fromBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null
        || header.length() < 8
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || !bearerTokens.isResolvable()) {
      return Optional.empty();
    }
    return bearerTokens
        .get()
        .subject(header.substring(7).strip())
        .flatMap(this::byUniquifier)
        .filter(UserRecord::active)
        .map(user -> new Authentication(user, Mechanism.JWT));
  }

  private Optional<Authentication> fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SessionKeys.USER_ID) instanceof String uid)) {
      return Optional.empty();
    }
    Optional<UserRecord> user = byUniquifier(uid).filter(UserRecord::active);
    if (user.isEmpty()) {
      // The uniquifier was rotated or the user deactivated: this session is over.
      session.removeAttribute(SessionKeys.USER_ID);
      session.removeAttribute(SessionKeys.FRESHNESS);
    }
    return user.map(u -> new Authentication(u, Mechanism.SESSION));
  }

  private Optional<UserRecord> byUniquifier(String uniquifier) {
    return identities.byUniquifier(uniquifier, users::findByUniquifier);
  }

  private Optional<Authentication> fromRememberCookie(HttpServletRequest request) {
    Optional<UserRecord> user =
        rememberCookies.uniquifier(request).flatMap(this::byUniquifier).filter(UserRecord::active);
    user.ifPresent(u -> sessions.resume(request, u));
    return user.map(u -> new Authentication(u, Mechanism.SESSION));
  }
}
