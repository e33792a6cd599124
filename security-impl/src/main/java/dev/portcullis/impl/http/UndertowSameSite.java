package dev.portcullis.impl.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.spec.ServletCookieAdaptor;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WildFly: writes the {@code SameSite} attribute that cookies are given through the Servlet 6 API,
 * which Undertow 2.3 keeps but never sends. Portcullis sets it on each of its cookies ({@link
 * CookieAttributes}: remember-me, CSRF, two-factor validity, flash, OAuth state) and on the session
 * cookie ({@link SessionCookieSetup}), from {@code *_samesite} settings that may differ per cookie;
 * an {@code undertow-handlers.conf} line fixes one mode in the WAR instead, whatever the
 * configuration says.
 *
 * <p>Undertow finds this class through {@code
 * META-INF/services/io.undertow.servlet.ServletExtension} when the application deploys; no other
 * server reads that file or loads the class. For every request it registers a listener that runs
 * just before the response is committed and gives each response cookie the mode its Servlet cookie
 * carries: for a cookie added with {@code addCookie}, {@code Cookie.getAttribute("SameSite")} (read
 * from Undertow's adaptor, which has no accessor for it); for the session cookie, {@code
 * SessionCookieConfig.getAttribute("SameSite")}. Cookies without the attribute are left as they are
 * (so an {@code undertow-handlers.conf} still applies to them).
 */
public class UndertowSameSite implements ServletExtension {

  private static final Logger LOG = Logger.getLogger(UndertowSameSite.class.getName());
  private static final String SAME_SITE = "SameSite";

  /** Undertow's adaptor's Servlet cookie; empty if a later Undertow renames it (then warned). */
  private static final Optional<Field> SERVLET_COOKIE = servletCookieField();

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    if (SERVLET_COOKIE.isEmpty()) {
      LOG.warning(
          "Undertow's ServletCookieAdaptor has no field 'cookie': the SameSite setting of"
              + " Portcullis' cookies is not sent (only the session cookie's is). Add"
              + " samesite-cookie(...) lines to WEB-INF/undertow-handlers.conf.");
    }
    deployment.addInitialHandlerChainWrapper(
        next ->
            exchange -> {
              exchange.addResponseCommitListener(committing -> apply(committing, context));
              next.handleRequest(exchange);
            });
  }

  /** Gives every response cookie that has a Servlet SameSite attribute that mode. */
  static void apply(HttpServerExchange exchange, ServletContext context) {
    for (Cookie cookie : exchange.responseCookies()) {
      sameSite(cookie, context).ifPresent(cookie::setSameSiteMode);
    }
  }

  private static Optional<String> sameSite(Cookie cookie, ServletContext context) {
    if (cookie instanceof ServletCookieAdaptor adaptor) {
      return servletCookie(adaptor).map(servlet -> servlet.getAttribute(SAME_SITE));
    }
    jakarta.servlet.SessionCookieConfig session = context.getSessionCookieConfig();
    if (cookie.getName().equals(session.getName())) {
      return Optional.ofNullable(session.getAttribute(SAME_SITE));
    }
    return Optional.empty();
  }

  private static Optional<jakarta.servlet.http.Cookie> servletCookie(ServletCookieAdaptor adaptor) {
    if (SERVLET_COOKIE.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((jakarta.servlet.http.Cookie) SERVLET_COOKIE.get().get(adaptor));
    } catch (IllegalAccessException e) {
      return Optional.empty();
    }
  }

  private static Optional<Field> servletCookieField() {
    try {
      Field field = ServletCookieAdaptor.class.getDeclaredField("cookie");
      field.setAccessible(true);
      return Optional.of(field);
    } catch (NoSuchFieldException | RuntimeException e) {
      LOG.log(Level.FINE, "ServletCookieAdaptor.cookie not readable", e);
      return Optional.empty();
    }
  }
}
