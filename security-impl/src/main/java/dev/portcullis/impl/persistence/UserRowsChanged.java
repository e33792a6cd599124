package dev.portcullis.impl.persistence;

import java.util.OptionalLong;

/**
 * CDI event, inside this application only: a user row, or a role that any user may hold, was
 * written through JPA in this JVM. It tells per-node copies of users ({@code IdentityCache}) to
 * forget what they hold. It is fired when the provider writes the row (in the writing transaction)
 * and is observed again after that transaction completes, so a copy read before the commit cannot
 * outlive it.
 *
 * @param userId the user whose row changed; empty when every user may be affected (a role changed)
 */
public record UserRowsChanged(OptionalLong userId) {

  static UserRowsChanged user(long userId) {
    return new UserRowsChanged(OptionalLong.of(userId));
  }

  static UserRowsChanged everyone() {
    return new UserRowsChanged(OptionalLong.empty());
  }
}
