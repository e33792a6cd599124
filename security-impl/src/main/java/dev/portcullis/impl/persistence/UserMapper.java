package dev.portcullis.impl.persistence;

import dev.portcullis.spi.RoleRecord;
import dev.portcullis.spi.UserRecord;
import java.util.Set;
import java.util.TreeSet;

/** The one place that turns entities into the SPI's immutable records. */
final class UserMapper {

  private UserMapper() {}

  /** Maps a user; reads {@code roles}, so fetch them first to avoid a second query. */
  static UserRecord toRecord(UserEntity user) {
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
        user.getFsTokenUniquifier(),
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

  static RoleRecord toRecord(RoleEntity role) {
    return new RoleRecord(
        role.getId(), role.getName(), role.getDescription(), Set.copyOf(role.getPermissions()));
  }
}
