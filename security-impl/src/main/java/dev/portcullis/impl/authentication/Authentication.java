package dev.portcullis.impl.authentication;

import dev.portcullis.Mechanism;
import dev.portcullis.spi.UserRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Who the current request is, and how that was established (Flask-Security's {@code current_user}
 * plus {@code fs_authn_via}). Kept as a request attribute by the mechanism.
 *
 * @param user the authenticated user
 * @param mechanism the mechanism that authenticated the request
 */
public record Authentication(UserRecord user, Mechanism mechanism) {

  private static final String ATTRIBUTE = Authentication.class.getName();

  /** The authentication of a request, if the mechanism established one. */
  public static Optional<Authentication> of(HttpServletRequest request) {
    return Optional.ofNullable((Authentication) request.getAttribute(ATTRIBUTE));
  }

  /**
   * The same, read from a JAX-RS request's properties, which the JAX-RS specification keeps in step
   * with the servlet request's attributes. A filter reads it there directly: the injected {@code
   * HttpServletRequest} is a proxy that looks the current request up again on every call (two
   * layers of proxies on Payara, a measurable part of an authenticated GET).
   */
  public static Optional<Authentication> of(ContainerRequestContext request) {
    return Optional.ofNullable((Authentication) request.getProperty(ATTRIBUTE));
  }

  /** Records the authentication on the request. */
  void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  /** Forgets the authentication (logout). */
  static void detachFrom(HttpServletRequest request) {
    request.removeAttribute(ATTRIBUTE);
  }
}
