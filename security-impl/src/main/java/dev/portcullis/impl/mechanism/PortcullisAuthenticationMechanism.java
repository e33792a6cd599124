package dev.portcullis.impl.mechanism;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.Authenticator;
import dev.portcullis.impl.authentication.BasicAuthentication;
import dev.portcullis.impl.authentication.CredentialAuthentication;
import dev.portcullis.impl.authentication.CurrentResponse;
import dev.portcullis.impl.authentication.PortcullisPrincipal;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.http.DatabaseUnavailable;
import dev.portcullis.impl.http.ServiceUnavailable;
import dev.portcullis.impl.signin.PrimaryAuthentication;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.signin.SignInResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;

/**
 * The one Jakarta Security mechanism (DESIGN §3): Jakarta Security 3.0 cannot combine mechanisms,
 * so this one tries auth token, session and remember-me cookie in that order and tells the
 * container who the caller is, with role names as groups so {@code @RolesAllowed} works.
 *
 * <p>A credential handed to {@code SecurityContext.authenticate} is checked through the identity
 * stores instead ({@link CredentialAuthentication}): that is how HTTP Basic reaches it, only from
 * the access check of an endpoint that accepts {@code basic} ({@link BasicAuthentication}), and how
 * an application signs a user in with its own form.
 *
 * <p>It never creates a session for a token or Basic request and never uses
 * {@code @AutoApplySession}: the user is re-loaded on every request so that a rotated {@code
 * fs_uniquifier} or a deactivation takes effect at once on every node.
 */
@ApplicationScoped
public class PortcullisAuthenticationMechanism implements HttpAuthenticationMechanism {

  private Authenticator authenticator;
  private CredentialAuthentication credentials;
  private SignIn signIn;
  private Denials denials;
  private ServiceUnavailable unavailable;

  /** For CDI. */
  protected PortcullisAuthenticationMechanism() {}

  @Inject
  PortcullisAuthenticationMechanism(
      Authenticator authenticator,
      CredentialAuthentication credentials,
      SignIn signIn,
      Denials denials,
      ServiceUnavailable unavailable) {
    this.authenticator = authenticator;
    this.credentials = credentials;
    this.signIn = signIn;
    this.denials = denials;
    this.unavailable = unavailable;
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // The facade's logout() and anonymous flashes need the response to set cookies.
    CurrentResponse.remember(request, response);
    UnreadableBasicHeader.mark(request, context);
    Credential credential =
        context.isAuthenticationRequest() ? context.getAuthParameters().getCredential() : null;
    if (credential != null) {
      return validateCredential(credential, request, response, context);
    }
    Optional<Authentication> authentication;
    try {
      authentication = authenticator.authenticate(request);
    } catch (RuntimeException e) {
      return outage(e, request, response);
    }
    if (authentication.isPresent()) {
      var user = authentication.get().user();
      return notify(
          context,
          new CredentialAuthentication.Caller(
              new PortcullisPrincipal(user.email(), user.id()), new HashSet<>(user.roles())));
    }
    if (context.isProtected()) {
      // A container constraint (e.g. @RolesAllowed) with nobody signed in: answer like
      // auth_required would, deciding JSON versus browser by the request. Basic is not tried
      // here (the container does not know the endpoint), so it is not offered either.
      try {
        denials
            .answer(Reason.UNAUTHENTICATED, Denials.CONTAINER_MECHANISMS, request)
            .writeTo(response);
      } catch (IOException e) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.doNothing();
  }

  /**
   * The user behind a token, session or cookie could not be read. If the database is down, the
   * request is answered 503 here ({@code SEND_CONTINUE}: the mechanism wrote the answer), since the
   * container would turn the failure into a 500 before any filter of the application runs; any
   * other failure is a bug and goes on.
   */
  private AuthenticationStatus outage(
      RuntimeException failure, HttpServletRequest request, HttpServletResponse response) {
    if (!DatabaseUnavailable.causedBy(failure)) {
      throw failure;
    }
    try {
      return unavailable.answer(request, response, failure)
          ? AuthenticationStatus.SEND_CONTINUE
          : AuthenticationStatus.SEND_FAILURE;
    } catch (IOException e) {
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  /**
   * A credential from {@code SecurityContext.authenticate}. A refusal answers {@code SEND_FAILURE}
   * and writes nothing: the caller (the Basic access check or the application) decides the reply.
   */
  private AuthenticationStatus validateCredential(
      Credential credential,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    AuthenticationParameters parameters = context.getAuthParameters();
    boolean basic =
        BasicAuthentication.isBasic(parameters)
            || credential instanceof BasicAuthenticationCredential;
    Optional<CredentialAuthentication.Checked> checked = credentials.check(credential);
    if (checked.isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (basic) {
      return notify(context, credentials.attachBasic(checked.get(), request));
    }
    SignInResult result =
        signIn.complete(
            PrimaryAuthentication.of(checked.get().user(), "password", parameters.isRememberMe()),
            request,
            response);
    if (result instanceof SignInResult.SecondFactorRequired) {
      // Not signed in yet: the session holds the pending sign-in; the application sends the
      // caller on to the second factor.
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return notify(context, checked.get().caller());
  }

  private static AuthenticationStatus notify(
      HttpMessageContext context, CredentialAuthentication.Caller caller) {
    LibertySubjectKey.offer(context, caller.principal(), caller.groups());
    return context.notifyContainerAboutLogin(caller.principal(), caller.groups());
  }
}
