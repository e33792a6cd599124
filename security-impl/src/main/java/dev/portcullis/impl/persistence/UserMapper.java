package dev.portcullis.impl.persistence;

import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.UserRecord;
import java.util.Set;
import java.util.TreeSet;

/** The one place that turns entities into the SPI's immutable records. */
final class UserMapper {

  private UserMapper() {}

  /** Maps a user of Portcullis' own tables; see {@link #toRecord(UserEntity, boolean)}. */
  static UserRecord toRecord(UserEntity user) {
    return toRecord(user, false);
  }

  /**
   * Maps a user; reads {@code roles}, so fetch them first to avoid a second query.
   *
   * @param adopted whether the row is in adopted Flask-Security tables, where a user without a
   *     token uniquifier has its tokens bound to {@code fs_uniquifier} ({@link #tokenIdentity})
   */
  static UserRecord toRecord(UserEntity user, boolean adopted) {
    Set<String> roleNames = new TreeSet<>();
    Set<String> permissions = new TreeSet<>();
    for (RoleEntity role : user.getRoles()) {
      roleNames.add(role.getName());
      permissions.addAll(role.getPermissions());
    }
    return new UserRecord(
        user.getId(),
        user.getEmail(),
        user.getUsername(),
        user.getPassword(),
        user.isActive(),
        user.getFsUniquifier(),
        tokenIdentity(user.getFsTokenUniquifier(), user.getFsUniquifier(), adopted),
        user.getFsWebauthnUserHandle(),
        user.getConfirmedAt(),
        user.getLastLoginAt(),
        user.getCurrentLoginAt(),
        user.getLastLoginIp(),
        user.getCurrentLoginIp(),
        user.getLoginCount() == null ? 0 : user.getLoginCount(),
        user.getTfPrimaryMethod(),
        user.getTfTotpSecret(),
        user.getTfPhoneNumber(),
        user.getUsTotpSecrets(),
        user.getUsPhoneNumber(),
        user.getMfRecoveryCodes(),
        roleNames,
        permissions,
        user.getCreateDatetime(),
        user.getUpdateDatetime());
  }

  /**
   * The value a user's auth tokens name: its {@code fs_token_uniquifier}; in adopted Flask-Security
   * tables, {@code fs_uniquifier} for a user without one (Flask-Security's behaviour for a model
   * without the column). In Portcullis' own tables a missing one stays {@code null} and is created
   * when a token is first issued, as Flask-Security does for a model with the column.
   */
  static String tokenIdentity(String tokenUniquifier, String uniquifier, boolean adopted) {
    return tokenUniquifier == null && adopted ? uniquifier : tokenUniquifier;
  }

  static RoleRecord toRecord(RoleEntity role) {
    return new RoleRecord(
        role.getId(), role.getName(), role.getDescription(), Set.copyOf(role.getPermissions()));
  }
}
