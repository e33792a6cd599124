package dev.portcullis.impl.authentication;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The freshness state a session keeps (Flask-Security's {@code fs_paa} and {@code fs_gexp}, spec
 * §7.1 and §7.8), bound to the {@code fs_uniquifier} of the user who authenticated.
 *
 * <p>Why bound: a session can be carried by one user's cookie while another user authenticates the
 * request (a token beats the session). Flask-Security's unbound {@code fs_paa} let an attacker's
 * re-authentication refresh a victim's session; here an anchor only ever counts for its own user.
 *
 * @param uid {@code fs_uniquifier} of the user who authenticated
 * @param primaryAt epoch seconds of the last primary authentication or verify
 * @param graceUntil epoch seconds until which the grace period lasts, 0 = none
 */
public record FreshnessAnchor(String uid, long primaryAt, long graceUntil) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Whether this anchor was made for the user with {@code uid} (constant-time). */
  public boolean belongsTo(String otherUid) {
    return otherUid != null
        && MessageDigest.isEqual(
            uid.getBytes(StandardCharsets.UTF_8), otherUid.getBytes(StandardCharsets.UTF_8));
  }

  /** The same anchor with a new grace deadline. */
  public FreshnessAnchor withGraceUntil(long until) {
    return new FreshnessAnchor(uid, primaryAt, until);
  }
}
