package dev.portcullis.impl.persistence;

import dev.portcullis.spi.UserRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The per-request look-up of the authenticated user by {@code fs_uniquifier} or {@code
 * fs_token_uniquifier}, in plain JDBC: one indexed query joining the roles, mapped straight to a
 * {@link UserRecord}. Every authenticated request runs it (so that a rotated uniquifier or a
 * deactivation ends sessions and tokens at once on every node); going through JPA here cost about a
 * quarter of such a request. Everything else uses JPA.
 */
final class IdentityLookup {

  private static final String SELECT =
      "SELECT u.id, u.email, u.username, u.password, u.active, u.fs_uniquifier,"
          + " u.fs_token_uniquifier, u.fs_webauthn_user_handle, u.confirmed_at, u.last_login_at,"
          + " u.current_login_at, u.last_login_ip, u.current_login_ip, u.login_count,"
          + " u.tf_primary_method, u.tf_totp_secret, u.tf_phone_number, u.us_totp_secrets,"
          + " u.us_phone_number, u.mf_recovery_codes, u.create_datetime, u.update_datetime,"
          + " r.name, r.permissions"
          + " FROM fs_user u"
          + " LEFT JOIN fs_roles_users ru ON ru.user_id = u.id"
          + " LEFT JOIN fs_role r ON r.id = ru.role_id"
          + " WHERE u.";

  private static final UtcInstantConverter TIMES = new UtcInstantConverter();
  private static final CommaListConverter LISTS = new CommaListConverter();

  private final DataSource dataSource;

  IdentityLookup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Optional<UserRecord> byUniquifier(String value) {
    return by("fs_uniquifier", value);
  }

  Optional<UserRecord> byTokenUniquifier(String value) {
    return by("fs_token_uniquifier", value);
  }

  private Optional<UserRecord> by(String column, String value) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT + column + " = ?")) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Looking up a user by " + column + " failed", e);
    }
  }

  /** Reads the user from the first row and the roles from every row (one per role). */
  private static UserRecord read(ResultSet rows) throws SQLException {
    Set<String> roles = new TreeSet<>();
    Set<String> permissions = new TreeSet<>();
    UserRecord user = null;
    do {
      if (user == null) {
        user = user(rows);
      }
      String role = rows.getString(23);
      if (role != null) {
        roles.add(role);
        permissions.addAll(LISTS.convertToEntityAttribute(rows.getString(24)));
      }
    } while (rows.next());
    return new UserRecord(
        user.id(),
        user.email(),
        user.username(),
        user.password(),
        user.active(),
        user.fsUniquifier(),
        user.fsTokenUniquifier(),
        user.fsWebauthnUserHandle(),
        user.confirmedAt(),
        user.lastLoginAt(),
        user.currentLoginAt(),
        user.lastLoginIp(),
        user.currentLoginIp(),
        user.loginCount(),
        user.tfPrimaryMethod(),
        user.tfTotpSecret(),
        user.tfPhoneNumber(),
        user.usTotpSecrets(),
        user.usPhoneNumber(),
        user.mfRecoveryCodes(),
        roles,
        permissions,
        user.createDatetime(),
        user.updateDatetime());
  }

  private static UserRecord user(ResultSet row) throws SQLException {
    return new UserRecord(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getBoolean(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        TIMES.convertToEntityAttribute(row.getObject(9, LocalDateTime.class)),
        TIMES.convertToEntityAttribute(row.getObject(10, LocalDateTime.class)),
        TIMES.convertToEntityAttribute(row.getObject(11, LocalDateTime.class)),
        row.getString(12),
        row.getString(13),
        row.getInt(14),
        row.getString(15),
        row.getString(16),
        row.getString(17),
        row.getString(18),
        row.getString(19),
        LISTS.convertToEntityAttribute(row.getString(20)),
        Set.of(),
        Set.of(),
        TIMES.convertToEntityAttribute(row.getObject(21, LocalDateTime.class)),
        TIMES.convertToEntityAttribute(row.getObject(22, LocalDateTime.class)));
  }
}
