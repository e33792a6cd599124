package dev.portcullis.impl.authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The servlet response of the current request, remembered by the authentication mechanism (which
 * sees every request first), for code that must set a cookie but is handed only the request: the
 * {@code Security} facade's logout, a flashed message of an anonymous browser.
 */
public final class CurrentResponse {

  private static final String ATTRIBUTE = CurrentResponse.class.getName();

  private CurrentResponse() {}

  /** Remembers {@code response} as the one of {@code request}. */
  public static void remember(HttpServletRequest request, HttpServletResponse response) {
    request.setAttribute(ATTRIBUTE, response);
  }

  /** The response of {@code request}, while it can still take headers. */
  public static Optional<HttpServletResponse> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof HttpServletResponse response
            && !response.isCommitted()
        ? Optional.of(response)
        : Optional.empty();
  }
}
