package dev.portcullis.impl.account;

import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stand-in accounts for generic responses (Flask-Security {@code
 * SECURITY_RETURN_GENERIC_RESPONSES}, spec §7.6). When a reset, confirmation or registration
 * request must not reveal that an account is unknown (or inactive, unconfirmed, already taken), the
 * service runs its real path for a stand-in — the same token-data hash, signing, rendering and
 * outbox write — and {@linkplain AccountMail#rehearse rehearses} the mail instead of sending it. So
 * both answers cost the same work, whatever the hash settings, database or load; a fixed delay
 * would have to guess that cost.
 *
 * <p>A stand-in is never stored: its uniquifiers are random, so a token made for it matches no one,
 * and its mail is discarded in the transaction that wrote it.
 */
@ApplicationScoped
public class Decoys {

  /** The address of a stand-in when the request had no valid one. */
  static final String NO_EMAIL = "nobody@example.invalid";

  private String passwordHash;

  /** For CDI. */
  protected Decoys() {}

  /**
   * Hashes a dummy password once, with the configured scheme: a stand-in's password hash then has
   * the length of a real one, and a token bound to it costs the same to make.
   */
  @Inject
  Decoys(PasswordHasher hasher) {
    this.passwordHash = hasher.dummyHash();
  }

  /**
   * A stand-in user for {@code email}.
   *
   * @param email the address the request named, normalized; {@code null} when it was invalid
   */
  public UserRecord user(String email) {
    return new UserRecord(
        0,
        email == null ? NO_EMAIL : email,
        null,
        passwordHash,
        true,
        uniquifier(),
        uniquifier(),
        uniquifier(),
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        Set.of(),
        Set.of(),
        null,
        null);
  }

  /** The shape of a real {@code fs_uniquifier}: 32 random hex characters. */
  private static String uniquifier() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
