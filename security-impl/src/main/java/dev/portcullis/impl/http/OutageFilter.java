package dev.portcullis.impl.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Turns a request that failed because the database cannot be reached ({@link DatabaseUnavailable})
 * into the 503 of {@link ServiceUnavailable} instead of the server's 500 page: JAX-RS and servlets
 * let such failures through to here. Any other failure goes on to the container as before. The
 * transaction of the failed request was rolled back by its interceptor before it got here, so
 * nothing of it is half written.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OutageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient ServiceUnavailable unavailable;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || !unavailable.answer(request, response, e)) {
        throw e;
      }
    }
  }
}
