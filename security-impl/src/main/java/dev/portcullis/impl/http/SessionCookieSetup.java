package dev.portcullis.impl.http;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Method;
import java.util.EnumSet;

/**
 * Gives the servlet session cookie ({@code JSESSIONID}) the {@code session.cookie_*} attributes
 * when the application starts (Flask's {@code SESSION_COOKIE_SAMESITE/SECURE/HTTPONLY}). The
 * container creates that cookie, wherever a session starts, so its Servlet 6 {@link
 * SessionCookieConfig} is the one place that reaches every one.
 *
 * <p>Secure: {@code true} marks it Secure always; otherwise the container marks it Secure on
 * requests it sees as secure ({@code isSecure()}), as the Servlet containers do for session cookies
 * (Payara, Tomcat), so {@code auto} and {@code false} both leave the flag unforced. These settings
 * win over a {@code <cookie-config>} in the application's {@code web.xml} and Payara's {@code
 * cookieSameSite}.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

  @Inject CookieConfig config;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    CookieAttributes session = config.session();
    // Cookie only: a ;jsessionid= in a URL leaks the session through logs, history and referrers.
    event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(session.httpOnly());
    cookie.setSecure(session.secure() == CookieAttributes.Secure.ALWAYS);
    cookie.setAttribute("SameSite", session.sameSite());
    containerSameSite(cookie, session.sameSite());
  }

  /**
   * Payara 6 (like GlassFish) ignores the Servlet 6 attribute for the session cookie and takes
   * SameSite only from its own cookie config class ({@code cookieSameSite} in {@code
   * payara-web.xml}); call that class's setter where it exists. Elsewhere the attribute above is
   * the standard way.
   */
  private static void containerSameSite(SessionCookieConfig cookie, String sameSite) {
    Method setter;
    try {
      setter = cookie.getClass().getMethod("setSameSite", String.class);
    } catch (NoSuchMethodException e) {
      return;
    }
    try {
      setter.invoke(cookie, sameSite);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot set SameSite on the session cookie", e);
    }
  }
}
