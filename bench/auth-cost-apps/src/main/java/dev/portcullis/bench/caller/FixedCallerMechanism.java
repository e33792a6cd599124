package dev.portcullis.bench.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * A Jakarta Security mechanism that signs every request in as one fixed caller with one group,
 * without looking anything up: what the server itself costs for an authenticated request (the
 * container's login on every request), which no application code can avoid when it authenticates
 * through {@code notifyContainerAboutLogin}.
 */
@ApplicationScoped
public class FixedCallerMechanism implements HttpAuthenticationMechanism {

  private static final Set<String> GROUPS = Set.of("user");

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.notifyContainerAboutLogin("bench@example.com", GROUPS);
  }
}
