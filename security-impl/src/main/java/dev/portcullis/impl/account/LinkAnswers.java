package dev.portcullis.impl.account;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.FlowRedirects;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How endpoints reached from a mailed link answer (Flask-Security spec §0.1-7, §10-18): always a
 * redirect. With {@code security.redirect_behavior=spa} and an SPA view configured, the message
 * travels in the query under its category ({@code error=}, {@code info=}, {@code success=}) with
 * {@code email} and {@code identity} where useful; otherwise it is flashed for the next page.
 */
@ApplicationScoped
public class LinkAnswers {

  private Messages messages;
  private FlowRedirects redirects;
  private Flash flash;

  /** For CDI. */
  protected LinkAnswers() {}

  @Inject
  LinkAnswers(Messages messages, FlowRedirects redirects, Flash flash) {
    this.messages = messages;
    this.redirects = redirects;
    this.flash = flash;
  }

  /**
   * Redirects with a message.
   *
   * @param spaView the SPA target, used in SPA mode when present
   * @param htmlView the page for browsers otherwise
   * @param messageKey the message
   * @param args its placeholders
   * @param user whose {@code email}/{@code identity} go into SPA query parameters, or {@code null}
   */
  public Response redirect(
      HttpServletRequest request,
      Optional<String> spaView,
      String htmlView,
      String messageKey,
      Map<String, ?> args,
      UserRecord user) {
    String text = messages.text(messageKey, args);
    String category = messages.category(messageKey);
    if (redirects.spa() && spaView.isPresent()) {
      Map<String, String> params = new LinkedHashMap<>(FlowRedirects.message(category, text));
      if (user != null) {
        params.put("email", user.email());
        params.put("identity", user.email());
      }
      return redirects.redirect(request, spaView.get(), params);
    }
    flash.add(request, category, text);
    return redirects.redirect(request, htmlView, Map.of());
  }
}
