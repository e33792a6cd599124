package dev.portcullis.web.layout;

import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.csrf.Csrf;
import dev.portcullis.impl.csrf.CsrfConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The hidden {@code csrf_token} field of the stateless anonymous pages (Flask-WTF's form field).
 *
 * <p>Faces keeps the state of an ordinary view in the session, so every anonymous visit of a page
 * with a form would cost a server session; and the view state is what protects such a form against
 * cross-site posts. A page declared {@code <f:view transient="true"/>} keeps no state, so it needs
 * this token instead, bound exactly as the JSON API's ({@link Csrf}): to the session when there is
 * one, else to the signed {@code fs_csrf} cookie. In the view:
 *
 * <pre>{@code
 * <ui:define name="metadata">
 *   <f:view transient="true"/>
 *   <f:metadata><f:event type="preRenderView" listener="#{formCsrf.issue}"/></f:metadata>
 * </ui:define>
 * ... <h:form> ... <input type="hidden" name="csrf_token" value="#{formCsrf.token}"/>
 * }</pre>
 *
 * The posted token is checked by {@link PageGuard} before any bean code runs: a refused post skips
 * the action and re-renders the page with {@link #refusal()} above the form.
 */
@Named
@RequestScoped
public class FormCsrf {

  /** The form field, as Flask-WTF names it. */
  public static final String FIELD = "csrf_token";

  @Inject Csrf csrf;
  @Inject CsrfConfig config;
  @Inject PageFrame frame;

  private String token;
  private String refusal;

  /**
   * Issues the token before the page renders: its cookie must go out before the response is
   * committed, which may happen while the form is still being written.
   */
  public void issue() {
    token = csrf.token(request());
    csrf.writeCookie(request(), (HttpServletResponse) external().getResponse());
  }

  /** The token for the hidden field. */
  public String getToken() {
    if (token == null) {
      issue();
    }
    return token;
  }

  /**
   * Why the posted form's token is refused, or empty when it is good. Anonymous posts pass
   * unchecked with {@code security.csrf_ignore_unauth_endpoints}, as on the JSON API.
   */
  public Optional<String> failure() {
    if (config.ignoreUnauthEndpoints() && Authentication.of(request()).isEmpty()) {
      return Optional.empty();
    }
    return csrf.failure(request(), external().getRequestParameterMap().get(FIELD));
  }

  /** Records why this request's post was refused, for the re-rendered page. */
  void refuse(String reason) {
    refusal = reason;
    frame.failed();
  }

  /** Why this request's post was refused, if it was. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) external().getRequest();
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }
}
