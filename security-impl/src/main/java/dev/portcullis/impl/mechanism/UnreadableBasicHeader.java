package dev.portcullis.impl.mechanism;

import dev.portcullis.impl.authentication.BasicAuthentication;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps Open Liberty from answering 500 to a request whose {@code Authorization: Basic} header
 * cannot be decoded. After every answer of the mechanism, Liberty's {@code
 * WebProviderAuthenticatorProxy.authenticateForOtherMechanisms} (26.0.0.3) decodes a Basic header
 * for its audit record whenever the request's authentication type is {@code BASIC} — its default
 * for an application without a {@code login-config}, which an application with an {@code
 * HttpAuthenticationMechanism} may not have — and dereferences the result without a check: a {@code
 * NullPointerException} for a value that is not Base64, a {@code StringIndexOutOfBoundsException}
 * for one without a colon, thrown before any filter or resource of the application runs. Naming the
 * request's authentication type in the message info (the Jakarta Authentication key {@code
 * jakarta.servlet.http.authType}, which Liberty copies to the request) skips that audit step. Done
 * only for such a header: no Basic attempt can use it, nobody is signed in by it, and every other
 * request is left exactly as the server treats it.
 */
final class UnreadableBasicHeader {

  static final String AUTH_TYPE_KEY = "jakarta.servlet.http.authType";

  /** The type named: Portcullis' mechanism (never {@code BASIC}, which Liberty audits). */
  static final String AUTH_TYPE = "PORTCULLIS";

  private UnreadableBasicHeader() {}

  /** Names the authentication type when the request has a Basic header nobody can read. */
  static void mark(HttpServletRequest request, HttpMessageContext context) {
    if (BasicAuthentication.unreadableHeader(request)) {
      context.getMessageInfo().getMap().put(AUTH_TYPE_KEY, AUTH_TYPE);
    }
  }
}
