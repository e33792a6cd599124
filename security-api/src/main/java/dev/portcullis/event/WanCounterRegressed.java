package dev.portcullis.event;

import dev.portcullis.SecurityUser;
import java.util.Objects;

/**
 * A WebAuthn key answered with a signature counter that did not move forward (WebAuthn L3 §7.2 step
 * 21): a sign that the authenticator was cloned. The assertion was refused. Portcullis' own event
 * (Flask-Security has no signal for it); it carries no key material.
 *
 * <pre>{@code
 * void alert(@Observes WanCounterRegressed e) { security.notify(e.user().email(), e.name()); }
 * }</pre>
 *
 * @param user the key's owner
 * @param name the key's nickname
 * @param storedCount the counter stored after the last accepted use
 * @param receivedCount the counter the refused assertion carried
 */
public record WanCounterRegressed(
    SecurityUser user, String name, long storedCount, long receivedCount) {

  /** Checks the parts. */
  public WanCounterRegressed {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
  }
}
