package dev.portcullis.impl.rest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where replies get the request's CSRF token from (implemented by the CSRF package), so that the
 * reply helper does not depend on how tokens are bound and checked.
 */
public interface CsrfTokenSource {

  /** The signed CSRF token to hand to the client of this request. */
  String token(HttpServletRequest request);
}
