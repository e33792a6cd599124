package dev.portcullis.impl.rest;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.messages.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The answers the JSON resources repeat, in Flask-Security's shapes (spec §0.1): form errors, a
 * plain error, and a body that carries the request's CSRF token. Built on {@link Envelope}, the one
 * renderer of the envelope.
 */
@ApplicationScoped
public class Replies {

  private CsrfTokenSource csrf;
  private Messages messages;

  /** For CDI. */
  protected Replies() {}

  @Inject
  Replies(CsrfTokenSource csrf, Messages messages) {
    this.csrf = csrf;
    this.messages = messages;
  }

  /** 400 with {@code errors} and {@code field_errors}, as a failed form validation. */
  public Response fieldErrors(Map<String, List<String>> fieldErrors) {
    return Envelope.of(400, Envelope.fieldErrors(fieldErrors));
  }

  /** An error that belongs to no field: {@code {"errors": [text]}}. */
  public Response error(int status, String messageKey) {
    return Envelope.of(status, Envelope.errors(List.of(messages.text(messageKey))));
  }

  /** 200 with just {@code csrf_token}: the answer of the GETs that prepare a form. */
  public Response csrfToken(HttpServletRequest request) {
    return withCsrfToken(Jsons.object(), request);
  }

  /** 200 with {@code body} plus {@code csrf_token}. */
  public Response withCsrfToken(JsonObjectBuilder body, HttpServletRequest request) {
    return Envelope.ok(body.add("csrf_token", csrf.token(request)).build());
  }
}
