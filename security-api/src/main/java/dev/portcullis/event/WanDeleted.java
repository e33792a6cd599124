package dev.portcullis.event;

import dev.portcullis.SecurityUser;
import java.util.Objects;

/**
 * A user deleted a WebAuthn key (Flask-Security's {@code wan_deleted} signal). Fired after the key
 * is deleted. It carries no key material: no credential id, public key or challenge.
 *
 * <pre>{@code
 * void notify(@Observes WanDeleted e) { audit.log(e.user().email(), "deleted key", e.name(), e.usage()); }
 * }</pre>
 *
 * @param user the key's owner
 * @param name the key's nickname
 * @param usage {@code first} (may sign in by itself) or {@code secondary} (second factor only)
 */
public record WanDeleted(SecurityUser user, String name, String usage) {

  /** Checks the parts. */
  public WanDeleted {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
  }
}
