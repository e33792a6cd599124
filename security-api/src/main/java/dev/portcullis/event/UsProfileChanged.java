package dev.portcullis.event;

import dev.portcullis.SecurityUser;
import java.util.List;

/**
 * A user added or removed unified sign-in methods (Flask-Security's {@code us_profile_changed}
 * signal): added after the first code of the new method was accepted, removed at once.
 *
 * <pre>{@code
 * void notify(@Observes UsProfileChanged e) { audit.log(e.user().email(), e.methods(), e.delete()); }
 * }</pre>
 *
 * @param user the user
 * @param methods the methods added or removed ({@code email}, {@code authenticator}, {@code sms})
 * @param delete whether they were removed
 */
public record UsProfileChanged(SecurityUser user, List<String> methods, boolean delete) {

  /** Copies the list. */
  public UsProfileChanged {
    methods = List.copyOf(methods);
  }
}
