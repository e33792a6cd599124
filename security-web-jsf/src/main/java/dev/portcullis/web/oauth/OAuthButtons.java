package dev.portcullis.web.oauth;

import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.oauth.OAuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The login page's "Sign in with ..." buttons, one per configured provider (Flask-Security's {@code
 * login_user.html} lists {@code security.oauthglue.provider_names}). Each button posts, with the
 * page's CSRF token, to the JSON API's {@code /login/oauthstart/<name>}, which sends the browser on
 * to the provider; the {@code next} of the login page travels along.
 */
@Named("oauthButtons")
@ApplicationScoped
public class OAuthButtons {

  /**
   * One button.
   *
   * @param name the provider's name, also the button's id suffix
   * @param label the provider's label ({@code security.oauth.<name>.label})
   * @param action where the button posts
   */
  public record Button(String name, String label, String action) {}

  @Inject OAuthConfig config;
  @Inject LinkConfig links;
  @Inject HttpServletRequest request;

  /** The buttons; none when OAuth sign-in is off. */
  public List<Button> getButtons() {
    if (!config.enabled()) {
      return List.of();
    }
    String prefix = links.urlPrefix().startsWith("/") ? links.urlPrefix() : "/" + links.urlPrefix();
    String base = request.getContextPath() + (prefix.endsWith("/") ? prefix : prefix + "/");
    String next = request.getParameter("next");
    String query =
        next == null || next.isEmpty()
            ? ""
            : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    return config.providers().stream()
        .map(p -> new Button(p.name(), p.label(), base + "login/oauthstart/" + p.name() + query))
        .toList();
  }
}
