package dev.portcullis.impl.authentication;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.impl.authorization.Denials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;

/**
 * The one Jakarta Security mechanism (DESIGN §3): Jakarta Security 3.0 cannot combine mechanisms,
 * so this one tries auth token, session, remember-me cookie and HTTP Basic in that order and tells
 * the container who the caller is, with role names as groups so {@code @RolesAllowed} works.
 *
 * <p>It never creates a session for a token or Basic request and never uses
 * {@code @AutoApplySession}: the user is re-loaded on every request so that a rotated {@code
 * fs_uniquifier} or a deactivation takes effect at once on every node.
 */
@ApplicationScoped
public class PortcullisAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Request attribute holding the servlet response of the current request. */
  public static final String RESPONSE_ATTRIBUTE = "dev.portcullis.response";

  private Authenticator authenticator;
  private Denials denials;

  /** For CDI. */
  protected PortcullisAuthenticationMechanism() {}

  @Inject
  PortcullisAuthenticationMechanism(Authenticator authenticator, Denials denials) {
    this.authenticator = authenticator;
    this.denials = denials;
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // The Security facade's logout() needs the response to clear the remember-me cookie.
    request.setAttribute(RESPONSE_ATTRIBUTE, response);
    Optional<Authentication> authentication = authenticator.authenticate(request);
    if (authentication.isPresent()) {
      var user = authentication.get().user();
      return context.notifyContainerAboutLogin(
          new PortcullisPrincipal(user.email(), user.id()), new HashSet<>(user.roles()));
    }
    if (context.isProtected()) {
      // A container constraint (e.g. @RolesAllowed) with nobody signed in: answer like
      // auth_required would, deciding JSON versus browser by the request.
      try {
        denials
            .answer(Reason.UNAUTHENTICATED, EnumSet.allOf(dev.portcullis.Mechanism.class), request)
            .writeTo(response);
      } catch (IOException e) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.doNothing();
  }
}
