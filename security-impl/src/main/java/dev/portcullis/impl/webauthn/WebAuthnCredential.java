package dev.portcullis.impl.webauthn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One {@code fs_webauthn} row (spec §4.3, Flask-Security's {@code WebAuthnMixin}).
 *
 * @param id the row's primary key
 * @param credentialId raw credential id bytes
 * @param publicKey COSE public key bytes
 * @param signCount the stored signature counter
 * @param transports the transports the browser reported
 * @param backupState the BS flag at the last use
 * @param deviceType {@code single_device} or {@code multi_device}
 * @param extensions client extension results as JSON text, e.g. {@code {"credProps":{"rk":true}}}
 * @param lastUse when it was registered or last used
 * @param name the user's nickname for it (unique per user)
 * @param usage {@code first} or {@code secondary}
 * @param userId the owner's id
 */
public record WebAuthnCredential(
    long id,
    byte[] credentialId,
    byte[] publicKey,
    long signCount,
    List<String> transports,
    boolean backupState,
    String deviceType,
    Optional<String> extensions,
    Instant lastUse,
    String name,
    String usage,
    long userId) {

  /** Copies the mutable parts. */
  public WebAuthnCredential {
    credentialId = credentialId.clone();
    publicKey = publicKey.clone();
    transports = List.copyOf(transports);
  }

  @Override
  public byte[] credentialId() {
    return credentialId.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** What an assertion is verified against. */
  public StoredCredential stored() {
    return new StoredCredential(credentialId, publicKey, signCount);
  }

  /**
   * Flask's {@code discoverable}: {@code credProps.rk} of the registration, or empty when the
   * browser did not say ("Unknown").
   */
  public Optional<Boolean> discoverable() {
    return extensions.flatMap(
        json -> {
          String compact = json.replace(" ", "");
          if (compact.contains("\"rk\":true")) {
            return Optional.of(true);
          }
          return compact.contains("\"rk\":false") ? Optional.of(false) : Optional.empty();
        });
  }

  /** Never shows key material. */
  @Override
  public String toString() {
    return "WebAuthnCredential[id=" + id + ", name=" + name + ", usage=" + usage + "]";
  }
}
