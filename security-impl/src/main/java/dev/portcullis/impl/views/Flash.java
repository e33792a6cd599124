package dev.portcullis.impl.views;

import dev.portcullis.impl.authentication.CurrentResponse;
import dev.portcullis.impl.authentication.SessionKeys;
import dev.portcullis.impl.http.Cookies;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.token.PurposeTokens;
import dev.portcullis.impl.token.TokenCheck;
import dev.portcullis.impl.token.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Messages shown on the next HTML page after a redirect (Flask's {@code flash}), taken once.
 *
 * <p>A browser with a server session keeps them there. A browser without one gets them in a signed,
 * short-lived {@value #COOKIE} cookie instead, as Flask keeps them in its signed cookie session:
 * sending an anonymous browser to the login page with "please sign in" must not cost a server
 * session (issue 6, defect 4), and the signature keeps anyone else from putting words on the page.
 */
@ApplicationScoped
public class Flash {

  /** The cookie carrying the messages of a browser without a session. */
  static final String COOKIE = "fs_flash";

  /** A flash is for the very next page; an older cookie is ignored. */
  static final Duration COOKIE_WITHIN = Duration.ofMinutes(2);

  private static final String PENDING = Flash.class.getName() + ".pending";

  /** One message and its category ({@code error}, {@code info}, {@code success}). */
  public record Message(String category, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private boolean enabled;
  private PurposeTokens tokens;

  /** For CDI. */
  protected Flash() {}

  @Inject
  Flash(FlowViews views, PurposeTokens tokens) {
    this.enabled = views.flashMessages();
    this.tokens = tokens;
  }

  /** Queues a message for the next page, unless {@code security.flash_messages} is off. */
  public void add(HttpServletRequest request, String category, String text) {
    if (!enabled) {
      return;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      List<Message> pending = pending(request);
      pending.add(new Message(category, text));
      CurrentResponse.of(request)
          .ifPresent(response -> response.addCookie(cookie(request, encode(pending), false)));
      return;
    }
    synchronized (session) {
      List<Message> messages = current(session);
      messages.add(new Message(category, text));
      session.setAttribute(SessionKeys.FLASHES, messages);
    }
  }

  /** Takes (and removes) the queued messages: the session's, then the cookie's. */
  public List<Message> take(HttpServletRequest request) {
    List<Message> taken = new ArrayList<>();
    HttpSession session = request.getSession(false);
    if (session != null) {
      synchronized (session) {
        taken.addAll(current(session));
        session.removeAttribute(SessionKeys.FLASHES);
      }
    }
    Optional<String> cookie = cookieValue(request);
    if (cookie.isPresent()) {
      taken.addAll(decode(cookie.get()));
      CurrentResponse.of(request)
          .ifPresent(response -> response.addCookie(cookie(request, "", true)));
    }
    return List.copyOf(taken);
  }

  private String encode(List<Message> messages) {
    JsonArrayBuilder array = Jsons.array();
    messages.forEach(m -> array.add(Jsons.array().add(m.category()).add(m.text())));
    return tokens.sign(TokenPurpose.FLASH, array.build());
  }

  private List<Message> decode(String value) {
    if (!(tokens.verify(TokenPurpose.FLASH, value, COOKIE_WITHIN) instanceof TokenCheck.Valid valid)
        || !(valid.payload() instanceof JsonArray array)) {
      return List.of();
    }
    List<Message> messages = new ArrayList<>();
    for (JsonValue entry : array) {
      if (entry instanceof JsonArray pair && pair.size() == 2) {
        messages.add(new Message(pair.getString(0, ""), pair.getString(1, "")));
      }
    }
    return messages;
  }

  @SuppressWarnings("unchecked")
  private static List<Message> pending(HttpServletRequest request) {
    if (!(request.getAttribute(PENDING) instanceof ArrayList<?> list)) {
      List<Message> fresh = new ArrayList<>();
      request.setAttribute(PENDING, fresh);
      return fresh;
    }
    return (List<Message>) list;
  }

  private static Optional<String> cookieValue(HttpServletRequest request) {
    return Cookies.value(request, COOKIE).filter(value -> !value.isEmpty());
  }

  private static Cookie cookie(HttpServletRequest request, String value, boolean delete) {
    return Cookies.internal(request, COOKIE, value, delete ? 0 : (int) COOKIE_WITHIN.toSeconds());
  }

  @SuppressWarnings("unchecked")
  private static List<Message> current(HttpSession session) {
    Object value = session.getAttribute(SessionKeys.FLASHES);
    return value instanceof ArrayList<?> list ? (ArrayList<Message>) list : new ArrayList<>();
  }
}
