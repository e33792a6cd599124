package dev.portcullis.impl.authentication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic, tried only for an endpoint whose accepted mechanisms include {@code basic}
 * (Flask-Security {@code auth_required("basic")}): the access check of such an endpoint calls
 * {@link #attempt} when nothing else authenticated the request. Nowhere else is an {@code
 * Authorization} header read, so a Basic header on a page, an open endpoint or an unknown URL costs
 * no password hash and signs nobody in.
 *
 * <p>The attempt goes through {@link SecurityContext#authenticate}, so the container learns the
 * caller ({@code getCallerPrincipal()}, {@code isCallerInRole}) and the mechanism checks the
 * password through the identity stores ({@link CredentialAuthentication}).
 */
@ApplicationScoped
public class BasicAuthentication {

  private SecurityContext securityContext;

  /** For CDI. */
  protected BasicAuthentication() {}

  @Inject
  BasicAuthentication(SecurityContext securityContext) {
    this.securityContext = securityContext;
  }

  /**
   * Authenticates the request by its {@code Authorization: Basic} header, unless it is already
   * authenticated or carries no well-formed Basic header. A refused attempt leaves the request
   * anonymous; the endpoint's access check then answers 401 with the Basic challenge.
   */
  public void attempt(HttpServletRequest request, HttpServletResponse response) {
    if (Authentication.of(request).isPresent()) {
      return;
    }
    BasicCredentials.of(request.getHeader("Authorization"))
        .ifPresent(
            credentials ->
                securityContext.authenticate(
                    request,
                    response,
                    new BasicParameters()
                        .credential(
                            new UsernamePasswordCredential(
                                credentials.identity(), credentials.password()))));
  }

  /**
   * Whether the request carries an {@code Authorization: Basic} header that {@link #attempt} cannot
   * read (not Base64, no {@code :}, too long): such a header never signs anybody in.
   */
  public static boolean unreadableHeader(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null
        && header.regionMatches(true, 0, "Basic ", 0, 6)
        && BasicCredentials.of(header).isEmpty();
  }

  /**
   * Whether authentication parameters come from {@link #attempt}. A plain {@link
   * UsernamePasswordCredential} is passed (not {@code BasicAuthenticationCredential}, which decodes
   * the header as US-ASCII and which stores relying on {@code IdentityStore}'s default dispatch
   * would not validate); these parameters tell the mechanism that it is Basic.
   */
  public static boolean isBasic(AuthenticationParameters parameters) {
    return parameters instanceof BasicParameters;
  }

  /** Marks the parameters of a Basic attempt. */
  private static final class BasicParameters extends AuthenticationParameters {}
}
