package dev.portcullis.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Where users live: the datastore operations of Flask-Security's {@code UserDatastore} for users
 * (roles are in {@link RoleStore}). The default is a JPA implementation; an application replaces it
 * with an {@code @Alternative @Priority(...)} bean.
 *
 * <p>Every method is its own transaction (or joins the caller's). Expected outcomes are return
 * values: an unknown user is an empty {@link Optional} or {@code false}, never an exception.
 *
 * <pre>{@code
 * @Inject UserStore users;
 * users.findByIdentity(IdentityAttribute.EMAIL, "ann@example.com", true)
 *     .ifPresent(u -> users.setActive(u.id(), false));
 * }</pre>
 */
public interface UserStore {

  /** Finds a user by primary key. */
  Optional<UserRecord> findById(long id);

  /**
   * Finds a user by one identity attribute; {@code caseInsensitive} compares {@code lower(column) =
   * lower(value)}.
   */
  Optional<UserRecord> findByIdentity(
      IdentityAttribute attribute, String value, boolean caseInsensitive);

  /** Finds a user by {@code fs_uniquifier} (session identity): one indexed lookup. */
  Optional<UserRecord> findByUniquifier(String fsUniquifier);

  /**
   * Finds a user by auth-token identity ({@link UserRecord#fsTokenUniquifier()}): one indexed
   * lookup.
   */
  Optional<UserRecord> findByTokenUniquifier(String fsTokenUniquifier);

  /**
   * Creates a user, active as requested, with fresh uniquifiers.
   *
   * @return the new user, or empty when the email or username is already taken or a role is unknown
   *     (nothing is written then)
   */
  Optional<UserRecord> create(NewUser user);

  /** Deletes a user and their role links; {@code false} if there was no such user. */
  boolean delete(long userId);

  /** Sets {@code active}; {@code false} if the user did not exist or already had that value. */
  boolean setActive(long userId, boolean active);

  /** Stores a new password hash ({@code null} removes the password). */
  boolean setPassword(long userId, String passwordHash);

  /** Replaces {@code fs_uniquifier} with a fresh random value, ending every session. */
  Optional<UserRecord> rotateUniquifier(long userId);

  /**
   * Replaces {@code fs_token_uniquifier} with a fresh random value, revoking every auth token. (A
   * user of an adopted Flask-Security table without one keeps none: its tokens bind to {@code
   * fs_uniquifier}, which the caller rotates to revoke them.)
   */
  Optional<UserRecord> rotateTokenUniquifier(long userId);

  /**
   * Changes the email address and marks it confirmed at {@code confirmedAt} (Flask-Security 5.5
   * change-email).
   *
   * @return {@code false} if the user is unknown or the address already belongs to another user
   *     (case-insensitively); nothing is written then
   */
  boolean changeEmail(long userId, String newEmail, Instant confirmedAt);

  /** Sets {@code confirmed_at}. */
  boolean setConfirmedAt(long userId, Instant confirmedAt);

  /** Records a login for tracking: last ← current (or now when none), current ← now, count + 1. */
  boolean recordLogin(long userId, Instant at, String remoteAddress);

  /**
   * Flask's {@code reset_user_access}: rotates both uniquifiers and removes two-factor and unified
   * sign-in secrets, phone numbers, recovery codes and WebAuthn credentials. The password stays.
   */
  boolean resetAccess(long userId);

  /** Grants a role; {@code false} if user or role is unknown or the user already had it. */
  boolean addRole(long userId, String roleName);

  /** Revokes a role; {@code false} if user or role is unknown or the user did not have it. */
  boolean removeRole(long userId, String roleName);
}
