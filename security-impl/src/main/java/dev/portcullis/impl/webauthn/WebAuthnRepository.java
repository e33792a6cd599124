package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.persistence.MappedTable;
import dev.portcullis.impl.persistence.SqlNames;
import dev.portcullis.impl.persistence.UserEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link WebAuthnStore}'s SQL over a caller-managed {@link EntityManager} and transaction. Native
 * SQL through {@link SqlNames}, so the same statements work on Portcullis' {@code fs_webauthn} and
 * on an adopted Flask-Security {@code web_authn} table (whose ids the database assigns); {@code
 * usage} is a reserved word on MySQL/MariaDB and is always quoted there.
 *
 * <p>Every write first locks the owner's user row: one user's registrations and assertions then run
 * one after the other on every node, so a name or a challenge is never used twice.
 */
final class WebAuthnRepository {

  private static final MappedTable T = MappedTable.WEBAUTHN;
  private static final String CHALLENGES = "fs_wan_used_challenge";
  private static final String ID_ROW = "fs_webauthn";

  private final EntityManager em;
  private final SqlNames sql;
  private final String usage;

  /**
   * @param mysql whether the database is MySQL/MariaDB (where {@code usage} must be quoted)
   */
  WebAuthnRepository(EntityManager em, SqlNames sql, boolean mysql) {
    this.em = em;
    this.sql = sql;
    String name = sql.column(T, "usage");
    this.usage = mysql && !name.startsWith("`") ? "`" + name + "`" : name;
  }

  List<WebAuthnCredential> credentialsOf(long userId) {
    List<?> rows =
        em.createNativeQuery(select() + " WHERE " + col("user_id") + " = ?1 ORDER BY " + col("id"))
            .setParameter(1, userId)
            .getResultList();
    return rows.stream().map(row -> read((Object[]) row)).toList();
  }

  Optional<WebAuthnCredential> find(byte[] credentialId) {
    List<?> rows =
        em.createNativeQuery(select() + " WHERE " + col("credential_id") + " = ?1")
            .setParameter(1, credentialId)
            .getResultList();
    // The database compares bytes; compare again so no collation or padding can match a prefix.
    return rows.stream()
        .map(row -> read((Object[]) row))
        .filter(c -> Arrays.equals(c.credentialId(), credentialId))
        .findFirst();
  }

  WebAuthnStore.Registration register(long userId, NewCredential credential, UsedChallenge used) {
    UserEntity user = lock(userId);
    if (user == null
        || (user.getFsWebauthnUserHandle() != null
            && !user.getFsWebauthnUserHandle().equals(credential.userHandle()))) {
      return WebAuthnStore.Registration.USER_CHANGED;
    }
    if (credentialsOf(userId).stream().anyMatch(c -> c.name().equals(credential.name()))) {
      return WebAuthnStore.Registration.NAME_IN_USE;
    }
    if (find(credential.verified().credentialId()).isPresent()) {
      return WebAuthnStore.Registration.CREDENTIAL_ID_IN_USE;
    }
    if (!markUsed(used, credential.now())) {
      return WebAuthnStore.Registration.CHALLENGE_USED;
    }
    if (user.getFsWebauthnUserHandle() == null) {
      user.setFsWebauthnUserHandle(credential.userHandle());
    }
    insert(userId, credential);
    return WebAuthnStore.Registration.STORED;
  }

  WebAuthnStore.Use recordUse(
      long id,
      long expectedCount,
      AssertionOutcome.Verified verified,
      Instant now,
      UsedChallenge used) {
    Optional<Long> owner = ownerOf(id);
    if (owner.isEmpty() || lock(owner.get()) == null) {
      return WebAuthnStore.Use.COUNTER_MOVED;
    }
    if (!markUsed(used, now)) {
      return WebAuthnStore.Use.CHALLENGE_USED;
    }
    int updated =
        em.createNativeQuery(
                "UPDATE "
                    + sql.table(T)
                    + " SET "
                    + col("sign_count")
                    + " = ?1, "
                    + col("backup_state")
                    + " = ?2, "
                    + col("device_type")
                    + " = ?3, "
                    + col("lastuse_datetime")
                    + " = ?4 WHERE "
                    + col("id")
                    + " = ?5 AND "
                    + col("sign_count")
                    + " = ?6")
            .setParameter(1, verified.signCount())
            .setParameter(2, verified.backupState())
            .setParameter(3, verified.backupEligible() ? "multi_device" : "single_device")
            .setParameter(4, utc(now))
            .setParameter(5, id)
            .setParameter(6, expectedCount)
            .executeUpdate();
    return updated == 1 ? WebAuthnStore.Use.RECORDED : WebAuthnStore.Use.COUNTER_MOVED;
  }

  boolean delete(long userId, String name) {
    if (lock(userId) == null) {
      return false;
    }
    return em.createNativeQuery(
                "DELETE FROM "
                    + sql.table(T)
                    + " WHERE "
                    + col("user_id")
                    + " = ?1 AND "
                    + col("name")
                    + " = ?2")
            .setParameter(1, userId)
            .setParameter(2, name)
            .executeUpdate()
        > 0;
  }

  /** Records the challenge; false when it is recorded already. Purges expired records. */
  private boolean markUsed(UsedChallenge used, Instant now) {
    em.createNativeQuery("DELETE FROM " + CHALLENGES + " WHERE expires_at < ?1")
        .setParameter(1, now.toEpochMilli())
        .executeUpdate();
    boolean seen =
        !em.createNativeQuery(
                "SELECT challenge_hash FROM " + CHALLENGES + " WHERE challenge_hash = ?1")
            .setParameter(1, used.hash())
            .getResultList()
            .isEmpty();
    if (seen) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO " + CHALLENGES + " (challenge_hash, expires_at) VALUES (?1, ?2)")
        .setParameter(1, used.hash())
        .setParameter(2, used.expiresAt().toEpochMilli())
        .executeUpdate();
    return true;
  }

  private void insert(long userId, NewCredential c) {
    RegistrationOutcome.Verified v = c.verified();
    String columns =
        String.join(
            ", ",
            col("credential_id"),
            col("public_key"),
            col("sign_count"),
            col("transports"),
            col("backup_state"),
            col("device_type"),
            col("extensions"),
            col("create_datetime"),
            col("lastuse_datetime"),
            col("name"),
            usage,
            col("user_id"));
    String values = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12";
    if (!sql.adopted()) {
      // Portcullis' own table takes its ids from the TABLE generator's row, as its entities do.
      columns = col("id") + ", " + columns;
      values = "?13, " + values;
    }
    var insert =
        em.createNativeQuery(
                "INSERT INTO " + sql.table(T) + " (" + columns + ") VALUES (" + values + ")")
            .setParameter(1, v.credentialId())
            .setParameter(2, v.publicKey())
            .setParameter(3, v.signCount())
            .setParameter(4, v.transports().isEmpty() ? null : String.join(",", v.transports()))
            .setParameter(5, v.backupState())
            .setParameter(6, c.deviceType())
            .setParameter(7, v.extensionsJson().orElse(null))
            .setParameter(8, utc(c.now()))
            .setParameter(9, utc(c.now()))
            .setParameter(10, c.name())
            .setParameter(11, c.usage())
            .setParameter(12, userId);
    if (!sql.adopted()) {
      insert.setParameter(13, nextId());
    }
    insert.executeUpdate();
  }

  /** The next id of {@code fs_webauthn} from {@code portcullis_id_gen}, its row locked. */
  private long nextId() {
    em.createNativeQuery(
            "UPDATE portcullis_id_gen SET gen_value = gen_value + 1 WHERE gen_name = ?1")
        .setParameter(1, ID_ROW)
        .executeUpdate();
    Object value =
        em.createNativeQuery("SELECT gen_value FROM portcullis_id_gen WHERE gen_name = ?1")
            .setParameter(1, ID_ROW)
            .getSingleResult();
    return ((Number) value).longValue();
  }

  private Optional<Long> ownerOf(long id) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + col("user_id")
                    + " FROM "
                    + sql.table(T)
                    + " WHERE "
                    + col("id")
                    + " = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
  }

  private UserEntity lock(long userId) {
    return em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
  }

  private String select() {
    return "SELECT "
        + String.join(
            ", ",
            col("id"),
            col("credential_id"),
            col("public_key"),
            col("sign_count"),
            col("transports"),
            col("backup_state"),
            col("device_type"),
            col("extensions"),
            col("lastuse_datetime"),
            col("name"),
            usage,
            col("user_id"))
        + " FROM "
        + sql.table(T);
  }

  private static WebAuthnCredential read(Object[] row) {
    String transports = (String) row[4];
    return new WebAuthnCredential(
        ((Number) row[0]).longValue(),
        bytes(row[1]),
        bytes(row[2]),
        row[3] == null ? 0 : ((Number) row[3]).longValue(),
        transports == null || transports.isBlank()
            ? List.of()
            : Arrays.stream(transports.split(",")).map(String::trim).toList(),
        bool(row[5]),
        (String) row[6],
        Optional.ofNullable((String) row[7]),
        instant(row[8]),
        (String) row[9],
        (String) row[10],
        ((Number) row[11]).longValue());
  }

  private String col(String column) {
    return sql.column(T, column);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("lastuse_datetime read as " + value);
  }

  private static boolean bool(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof Blob blob) {
      try {
        return blob.getBytes(1, (int) blob.length());
      } catch (SQLException e) {
        throw new IllegalStateException("unreadable WebAuthn column", e);
      }
    }
    throw new IllegalStateException("binary WebAuthn column read as " + value);
  }
}
