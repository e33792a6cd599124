package dev.portcullis.event;

import dev.portcullis.SecurityUser;
import java.util.Objects;

/**
 * A user registered a WebAuthn key (Flask-Security's {@code wan_registered} signal). Fired after
 * the key is stored. It carries no key material: no credential id, public key or challenge.
 *
 * <pre>{@code
 * void notify(@Observes WanRegistered e) { audit.log(e.user().email(), "registered key", e.name(), e.usage()); }
 * }</pre>
 *
 * @param user the key's owner
 * @param name the key's nickname
 * @param usage {@code first} (may sign in by itself) or {@code secondary} (second factor only)
 */
public record WanRegistered(SecurityUser user, String name, String usage) {

  /** Checks the parts. */
  public WanRegistered {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
  }
}
