package dev.portcullis.spi;

import java.time.Instant;
import java.util.Set;

/**
 * What {@link UserStore#create(NewUser)} needs to create a user. The store generates {@code
 * fs_uniquifier}, {@code fs_token_uniquifier} and the timestamps.
 *
 * <pre>{@code
 * userStore.create(new NewUser("ann@example.com", "ann", hasher.hash(pw), true, now, Set.of("user")));
 * }</pre>
 *
 * @param email already normalized email
 * @param username already normalized username, or {@code null}
 * @param passwordHash passlib-format hash, or {@code null} for a user without password
 * @param active whether the user may sign in
 * @param confirmedAt confirmation time, or {@code null} when unconfirmed
 * @param roles names of existing roles to grant
 */
public record NewUser(
    String email,
    String username,
    String passwordHash,
    boolean active,
    Instant confirmedAt,
    Set<String> roles) {

  /** Copies the role set so the record stays immutable. */
  public NewUser {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "NewUser[email=" + email + ", username=" + username + ", roles=" + roles + "]";
  }
}
