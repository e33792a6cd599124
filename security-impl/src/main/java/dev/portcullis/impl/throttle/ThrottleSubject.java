package dev.portcullis.impl.throttle;

import dev.portcullis.spi.UserRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Who failures are counted against: an account's password, an account's one-time codes (second
 * factor, recovery codes), a typed identity that names nobody, or a client address. Passwords and
 * codes count apart, so that knowing the password (and signing in again and again) never resets the
 * count of wrong codes.
 *
 * @param key the stored key: a kind, then a user id, a hash of the identity (a mistyped password in
 *     the identity field must not be stored) or the address
 * @param user the user, for an account's subjects (the lockout event names them)
 */
public record ThrottleSubject(String key, Kind kind, Optional<UserRecord> user) {

  /** Which limits apply. */
  public enum Kind {
    /** An account, or an identity that names nobody: {@code security.throttle_account_*}. */
    ACCOUNT,
    /** A client address: {@code security.throttle_address_*}. */
    ADDRESS
  }

  /** Password checks of {@code user} (login, HTTP Basic, {@code /verify}, {@code /change}). */
  public static ThrottleSubject password(UserRecord user) {
    return new ThrottleSubject("password:user:" + user.id(), Kind.ACCOUNT, Optional.of(user));
  }

  /**
   * Password checks of an identity that names no user: counted like an account, so a locked account
   * answers exactly like an identity nobody has.
   */
  public static ThrottleSubject unknownIdentity(String identity) {
    String normalized = identity == null ? "" : identity.strip().toLowerCase(Locale.ROOT);
    return new ThrottleSubject(
        "password:identity:" + digest(normalized), Kind.ACCOUNT, Optional.empty());
  }

  /** One-time code checks of {@code user}: second-factor codes and recovery codes. */
  public static ThrottleSubject codes(UserRecord user) {
    return new ThrottleSubject("code:user:" + user.id(), Kind.ACCOUNT, Optional.of(user));
  }

  /**
   * Mails requested for an email address ({@code /reset}, {@code /confirm}, {@code /register}, the
   * new address of {@code /change-email}), known or not.
   */
  public static ThrottleSubject mailTo(String email) {
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return new ThrottleSubject(
        "mail:identity:" + digest(normalized), Kind.ACCOUNT, Optional.empty());
  }

  /**
   * Mails a signed-in account requested (a change of email to new addresses), whatever address they
   * went to.
   */
  public static ThrottleSubject mailOf(UserRecord user) {
    return new ThrottleSubject("mail:user:" + user.id(), Kind.ACCOUNT, Optional.empty());
  }

  /** Mails requested from one client address. */
  public static ThrottleSubject mailFrom(String address) {
    return new ThrottleSubject("mail:address:" + address, Kind.ADDRESS, Optional.empty());
  }

  /** Every check from one client address. */
  public static ThrottleSubject address(String address) {
    return new ThrottleSubject("address:" + address, Kind.ADDRESS, Optional.empty());
  }

  /** What is counted: {@code password}, {@code code}, {@code mail} or {@code address}. */
  public String secret() {
    return key.substring(0, key.indexOf(':'));
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
