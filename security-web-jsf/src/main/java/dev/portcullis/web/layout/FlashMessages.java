package dev.portcullis.web.layout;

import dev.portcullis.impl.views.Flash;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The flashed messages for {@code security/layout.xhtml} (Flask's {@code get_flashed_messages}),
 * taken from the session once per request however often the page asks.
 */
@Named
@RequestScoped
public class FlashMessages {

  @Inject Flash flash;

  private List<Flash.Message> messages;

  /** The messages queued for this page; taking them removes them from the session. */
  public List<Flash.Message> getList() {
    if (messages == null) {
      messages =
          flash.take(
              (HttpServletRequest)
                  FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }
    return messages;
  }
}
