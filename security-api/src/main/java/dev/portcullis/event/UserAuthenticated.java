package dev.portcullis.event;

import dev.portcullis.SecurityUser;
import java.util.List;

/**
 * A user signed in (Flask-Security's {@code user_authenticated} signal). Fired synchronously and
 * asynchronously after the login was stored, so both {@code @Observes} and {@code @ObservesAsync}
 * work.
 *
 * <pre>{@code
 * void audit(@ObservesAsync UserAuthenticated e) { log.info(e.user().email() + " via " + e.authnVia()); }
 * }</pre>
 *
 * @param user who signed in
 * @param authnVia how, in Flask's words: {@code password}, {@code register}, {@code confirm},
 *     {@code reset}, {@code change}, ...; empty after a two-factor completion
 */
public record UserAuthenticated(SecurityUser user, List<String> authnVia) {

  /** Copies the list so the event stays immutable. */
  public UserAuthenticated {
    authnVia = authnVia == null ? List.of() : List.copyOf(authnVia);
  }
}
