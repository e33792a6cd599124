package dev.portcullis.web.layout;

import dev.portcullis.impl.views.PageConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code security/layout.xhtml} shows around a page: its title with the application's name
 * and, after a failed submit, an error mark ("Error: Sign in – Example"), so that a screen reader
 * user hears the outcome first (WCAG 2.2 SC 2.4.2, 3.3.1). A page names its title by key: {@code
 * <ui:param name="titleKey" value="page.login_user.title"/>}.
 */
@Named("portcullisPage")
@RequestScoped
public class PageFrame {

  @Inject PageTexts texts;
  @Inject PageConfig config;
  @Inject ServletContext context;
  @Inject FlashMessages flashes;

  /** The Faces resource library of the pages' stylesheet, script and theme. */
  static final String LIBRARY = "portcullis";

  static final String THEME = "theme.css";

  private boolean failed;

  /** The page shows errors for what was just submitted. */
  void failed() {
    failed = true;
  }

  /** Whether the page shows an error: a refused submit, or an error flashed to it. */
  public boolean isFailed() {
    return failed
        || flashes.getList().stream().anyMatch(message -> "error".equals(message.category()));
  }

  /**
   * The title of the page whose heading is {@code titleKey}; without a key, the application's name
   * (or Portcullis').
   */
  public String title(String titleKey) {
    Optional<String> app = getAppName();
    String title;
    if (titleKey == null || titleKey.isEmpty()) {
      title = app.orElse("Portcullis");
    } else if (app.isPresent()) {
      title =
          texts.text("page.title.with_app", Map.of("page", texts.get(titleKey), "app", app.get()));
    } else {
      title = texts.get(titleKey);
    }
    return isFailed() ? texts.text("page.title.failed", Map.of("title", title)) : title;
  }

  /**
   * Whether the application themes the pages: it has a Faces resource {@code theme.css} in library
   * {@code portcullis} ({@code src/main/webapp/resources/portcullis/theme.css}), which the layout
   * loads after Portcullis' own stylesheet.
   */
  public boolean isThemed() {
    return FacesContext.getCurrentInstance()
            .getApplication()
            .getResourceHandler()
            .createResource(THEME, LIBRARY)
        != null;
  }

  /** {@code security.app_name}, else the WAR's display-name. */
  public Optional<String> getAppName() {
    return config
        .appName()
        .or(() -> Optional.ofNullable(context.getServletContextName()).filter(n -> !n.isBlank()));
  }
}
