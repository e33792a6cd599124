package dev.portcullis.bench.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Hashtable;
import java.util.Set;

/**
 * A Jakarta Security mechanism that signs every request in as one fixed caller with one group,
 * without looking anything up: what the server itself costs for an authenticated request (the
 * container's login on every request), which no application code can avoid when it authenticates
 * through {@code notifyContainerAboutLogin}.
 *
 * <p>On Open Liberty it names the custom cache key Liberty keeps the caller's Subject under, as
 * Portcullis' mechanism does ({@code LibertySubjectKey}): the cheapest way a mechanism can sign a
 * caller in there, so that the figure stays the server's own cost and not that of a missing key.
 */
@ApplicationScoped
public class FixedCallerMechanism implements HttpAuthenticationMechanism {

  private static final Set<String> GROUPS = Set.of("user");

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.getClass().getName().startsWith("com.ibm.ws.security.")
        && context.getClientSubject() != null) {
      Hashtable<String, Object> table = new Hashtable<>();
      table.put("com.ibm.wsspi.security.cred.cacheKey", "bench-fixed-caller");
      context.getClientSubject().getPrivateCredentials().add(table);
    }
    return context.notifyContainerAboutLogin("bench@example.com", GROUPS);
  }
}
