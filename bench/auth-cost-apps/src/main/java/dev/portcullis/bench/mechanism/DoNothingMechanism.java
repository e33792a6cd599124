package dev.portcullis.bench.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Jakarta Security mechanism that authenticates nobody: its presence alone makes the server run
 * its authentication machinery on every request, which is the platform's cost the benchmark shows.
 */
@ApplicationScoped
public class DoNothingMechanism implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // Lets the benchmark check that the server really runs the mechanism (a header costs little).
    response.setHeader("X-Bench-Mechanism", "ran");
    return context.doNothing();
  }
}
