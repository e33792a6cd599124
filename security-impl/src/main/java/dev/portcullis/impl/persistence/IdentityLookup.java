package dev.portcullis.impl.persistence;

import dev.portcullis.spi.UserRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
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

  /** The user columns read, by their names in Portcullis' schema, in {@link #user} order. */
  private static final List<String> USER_COLUMNS =
      List.of(
          "id",
          "email",
          "username",
          "password",
          "active",
          "fs_uniquifier",
          "fs_token_uniquifier",
          "fs_webauthn_user_handle",
          "confirmed_at",
          "last_login_at",
          "current_login_at",
          "last_login_ip",
          "current_login_ip",
          "login_count",
          "tf_primary_method",
          "tf_totp_secret",
          "tf_phone_number",
          "us_totp_secrets",
          "us_phone_number",
          "mf_recovery_codes",
          "create_datetime",
          "update_datetime");

  private static final UtcInstantConverter TIMES = new UtcInstantConverter();
  private static final CommaListConverter LISTS = new CommaListConverter();

  private final DataSource dataSource;
  private final boolean adopted;
  private final String byUniquifier;
  private final String byTokenUniquifier;
  private final int tokenParameters;

  /** Over Portcullis' own tables. */
  IdentityLookup(DataSource dataSource) {
    this(dataSource, SqlNames.PORTCULLIS);
  }

  IdentityLookup(DataSource dataSource, SqlNames sql) {
    this.dataSource = dataSource;
    this.adopted = sql.adopted();
    String select = select(sql);
    String uniquifier = "u." + sql.column(MappedTable.USER, "fs_uniquifier");
    String token = "u." + sql.column(MappedTable.USER, "fs_token_uniquifier");
    this.byUniquifier = select + uniquifier + " = ?";
    // Adopted tables: a user without a token uniquifier has its tokens bound to fs_uniquifier.
    this.byTokenUniquifier =
        adopted
            ? select + token + " = ? OR (" + token + " IS NULL AND " + uniquifier + " = ?)"
            : select + token + " = ?";
    this.tokenParameters = adopted ? 2 : 1;
  }

  private static String select(SqlNames sql) {
    StringBuilder select = new StringBuilder("SELECT ");
    for (String column : USER_COLUMNS) {
      select.append("u.").append(sql.column(MappedTable.USER, column)).append(", ");
    }
    String userId = sql.column(MappedTable.USER, "id");
    String roleId = sql.column(MappedTable.ROLE, "id");
    return select
        .append("r.")
        .append(sql.column(MappedTable.ROLE, "name"))
        .append(", r.")
        .append(sql.column(MappedTable.ROLE, "permissions"))
        .append(" FROM ")
        .append(sql.table(MappedTable.USER))
        .append(" u LEFT JOIN ")
        .append(sql.table(MappedTable.ROLES_USERS))
        .append(" ru ON ru.")
        .append(sql.column(MappedTable.ROLES_USERS, "user_id"))
        .append(" = u.")
        .append(userId)
        .append(" LEFT JOIN ")
        .append(sql.table(MappedTable.ROLE))
        .append(" r ON r.")
        .append(roleId)
        .append(" = ru.")
        .append(sql.column(MappedTable.ROLES_USERS, "role_id"))
        .append(" WHERE ")
        .toString();
  }

  Optional<UserRecord> byUniquifier(String value) {
    return by(byUniquifier, 1, value, "fs_uniquifier");
  }

  Optional<UserRecord> byTokenUniquifier(String value) {
    return by(byTokenUniquifier, tokenParameters, value, "fs_token_uniquifier");
  }

  private Optional<UserRecord> by(String query, int parameters, String value, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(query)) {
      for (int i = 1; i <= parameters; i++) {
        statement.setString(i, value);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Looking up a user by " + what + " failed", e);
    }
  }

  /** Reads the user from the first row and the roles from every row (one per role). */
  private UserRecord read(ResultSet rows) throws SQLException {
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

  private UserRecord user(ResultSet row) throws SQLException {
    return new UserRecord(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getBoolean(5),
        row.getString(6),
        UserMapper.tokenIdentity(row.getString(7), row.getString(6), adopted),
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
