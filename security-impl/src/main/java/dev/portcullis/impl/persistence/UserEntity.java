package dev.portcullis.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user: every column of Flask-Security's {@code fsqla_v3} {@code User} ({@code UserMixin}) plus
 * {@code fs_token_uniquifier}, table {@code fs_user}, with Flask's column names so a Flask-Security
 * user table imports unchanged.
 *
 * <p>{@code email_lower}/{@code username_lower} are computed by the database ({@code GENERATED
 * ALWAYS AS (LOWER(...))}) and only read here: they give case-insensitive lookups a plain indexed
 * equality on every supported database, and fill themselves for imported rows.
 */
@Entity
@Table(name = "fs_user")
@EntityListeners(UserRowListener.class)
public class UserEntity {

  @Id
  @TableGenerator(
      name = "fs_user_id",
      table = "portcullis_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "fs_user",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "fs_user_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "email_lower", insertable = false, updatable = false)
  private String emailLower;

  @Column(name = "username_lower", insertable = false, updatable = false)
  private String usernameLower;

  @Column(name = "email", nullable = false, unique = true, length = 255)
  private String email;

  @Column(name = "username", unique = true, length = 255)
  private String username;

  @Column(name = "password", length = 255)
  private String password;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "fs_uniquifier", nullable = false, unique = true, length = 64)
  private String fsUniquifier;

  @Column(name = "fs_token_uniquifier", unique = true, length = 64)
  private String fsTokenUniquifier;

  @Column(name = "fs_webauthn_user_handle", unique = true, length = 64)
  private String fsWebauthnUserHandle;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "current_login_at")
  private Instant currentLoginAt;

  @Column(name = "last_login_ip", length = 64)
  private String lastLoginIp;

  @Column(name = "current_login_ip", length = 64)
  private String currentLoginIp;

  @Column(name = "login_count")
  private Integer loginCount;

  @Column(name = "tf_primary_method", length = 64)
  private String tfPrimaryMethod;

  @Column(name = "tf_totp_secret", length = 255)
  private String tfTotpSecret;

  @Column(name = "tf_phone_number", length = 128)
  private String tfPhoneNumber;

  @Column(name = "us_totp_secrets")
  private String usTotpSecrets;

  @Column(name = "us_phone_number", unique = true, length = 128)
  private String usPhoneNumber;

  @Convert(converter = CommaListConverter.class)
  @Column(name = "mf_recovery_codes")
  private List<String> mfRecoveryCodes = new ArrayList<>();

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "create_datetime", nullable = false, updatable = false)
  private Instant createDatetime;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "update_datetime", nullable = false)
  private Instant updateDatetime;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "fs_roles_users",
      joinColumns = @JoinColumn(name = "user_id"),
      inverseJoinColumns = @JoinColumn(name = "role_id"))
  private Set<RoleEntity> roles = new LinkedHashSet<>();

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getFsUniquifier() {
    return fsUniquifier;
  }

  public void setFsUniquifier(String fsUniquifier) {
    this.fsUniquifier = fsUniquifier;
  }

  public String getFsTokenUniquifier() {
    return fsTokenUniquifier;
  }

  public void setFsTokenUniquifier(String fsTokenUniquifier) {
    this.fsTokenUniquifier = fsTokenUniquifier;
  }

  public String getFsWebauthnUserHandle() {
    return fsWebauthnUserHandle;
  }

  public void setFsWebauthnUserHandle(String fsWebauthnUserHandle) {
    this.fsWebauthnUserHandle = fsWebauthnUserHandle;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  public void setConfirmedAt(Instant confirmedAt) {
    this.confirmedAt = confirmedAt;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  public void setLastLoginAt(Instant lastLoginAt) {
    this.lastLoginAt = lastLoginAt;
  }

  public Instant getCurrentLoginAt() {
    return currentLoginAt;
  }

  public void setCurrentLoginAt(Instant currentLoginAt) {
    this.currentLoginAt = currentLoginAt;
  }

  public String getLastLoginIp() {
    return lastLoginIp;
  }

  public void setLastLoginIp(String lastLoginIp) {
    this.lastLoginIp = lastLoginIp;
  }

  public String getCurrentLoginIp() {
    return currentLoginIp;
  }

  public void setCurrentLoginIp(String currentLoginIp) {
    this.currentLoginIp = currentLoginIp;
  }

  public Integer getLoginCount() {
    return loginCount;
  }

  public void setLoginCount(Integer loginCount) {
    this.loginCount = loginCount;
  }

  public String getTfPrimaryMethod() {
    return tfPrimaryMethod;
  }

  public void setTfPrimaryMethod(String tfPrimaryMethod) {
    this.tfPrimaryMethod = tfPrimaryMethod;
  }

  public String getTfTotpSecret() {
    return tfTotpSecret;
  }

  public void setTfTotpSecret(String tfTotpSecret) {
    this.tfTotpSecret = tfTotpSecret;
  }

  public String getTfPhoneNumber() {
    return tfPhoneNumber;
  }

  public void setTfPhoneNumber(String tfPhoneNumber) {
    this.tfPhoneNumber = tfPhoneNumber;
  }

  public String getUsTotpSecrets() {
    return usTotpSecrets;
  }

  public void setUsTotpSecrets(String usTotpSecrets) {
    this.usTotpSecrets = usTotpSecrets;
  }

  public String getUsPhoneNumber() {
    return usPhoneNumber;
  }

  public void setUsPhoneNumber(String usPhoneNumber) {
    this.usPhoneNumber = usPhoneNumber;
  }

  /** Never {@code null}. */
  public List<String> getMfRecoveryCodes() {
    return mfRecoveryCodes == null ? List.of() : mfRecoveryCodes;
  }

  /** Replaces the list (a new list, so EclipseLink sees the change). */
  public void setMfRecoveryCodes(List<String> mfRecoveryCodes) {
    this.mfRecoveryCodes = new ArrayList<>(mfRecoveryCodes);
  }

  public Instant getCreateDatetime() {
    return createDatetime;
  }

  public void setCreateDatetime(Instant createDatetime) {
    this.createDatetime = createDatetime;
  }

  public Instant getUpdateDatetime() {
    return updateDatetime;
  }

  public void setUpdateDatetime(Instant updateDatetime) {
    this.updateDatetime = updateDatetime;
  }

  /** The user's roles (live collection: add and remove through it). */
  public Set<RoleEntity> getRoles() {
    return roles;
  }
}
