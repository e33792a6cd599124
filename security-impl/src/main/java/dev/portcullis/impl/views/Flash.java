package dev.portcullis.impl.views;

import dev.portcullis.impl.authentication.SessionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages shown on the next HTML page after a redirect (Flask's {@code flash}), kept in the
 * session and taken once.
 */
@ApplicationScoped
public class Flash {

  /** One message and its category ({@code error}, {@code info}, {@code success}). */
  public record Message(String category, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private boolean enabled;

  /** For CDI. */
  protected Flash() {}

  @Inject
  Flash(FlowViews views) {
    this.enabled = views.flashMessages();
  }

  /** Queues a message for the next page, unless {@code security.flash_messages} is off. */
  public void add(HttpServletRequest request, String category, String text) {
    if (!enabled) {
      return;
    }
    HttpSession session = request.getSession(true);
    synchronized (session) {
      List<Message> messages = current(session);
      messages.add(new Message(category, text));
      session.setAttribute(SessionKeys.FLASHES, messages);
    }
  }

  /** Takes (and removes) the queued messages. */
  public List<Message> take(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return List.of();
    }
    synchronized (session) {
      List<Message> messages = current(session);
      session.removeAttribute(SessionKeys.FLASHES);
      return List.copyOf(messages);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Message> current(HttpSession session) {
    Object value = session.getAttribute(SessionKeys.FLASHES);
    return value instanceof ArrayList<?> list ? (ArrayList<Message>) list : new ArrayList<>();
  }
}
