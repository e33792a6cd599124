package dev.portcullis.impl.totp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The application's TOTP wallet as a bean ({@code security.totp_secrets}, {@code
 * security.totp_issuer}): new keys, their stored form, and reading stored ones — what Flask's
 * {@code _totp_factory} does for two-factor and unified sign-in.
 *
 * <p>Built on first use: an application without two-factor needs no secrets, and the configuration
 * already refused to start two-factor without them.
 */
@ApplicationScoped
public class TotpSecrets {

  private TotpConfig config;
  private SecureRandom random;
  private volatile TotpWallet wallet;

  /** For CDI. */
  protected TotpSecrets() {}

  @Inject
  public TotpSecrets(TotpConfig config) {
    this.config = config;
    this.random = new SecureRandom();
  }

  /** A new random key. */
  public TotpKey newKey() {
    return TotpKey.generate(random);
  }

  /** The stored form of a key, encrypted under the newest tag. */
  public String encrypt(TotpKey key) {
    return wallet().encrypt(key);
  }

  /** The key of a stored value; empty when it cannot be read (see {@link TotpWallet#decrypt}). */
  public Optional<TotpKey> decrypt(String stored) {
    return wallet().decrypt(stored);
  }

  /** The issuer authenticator apps show. */
  public String issuer() {
    return config.issuer();
  }

  private TotpWallet wallet() {
    TotpWallet built = wallet;
    if (built == null) {
      if (config.secrets().isEmpty()) {
        throw new IllegalStateException(
            "Portcullis configuration: security.totp_secrets must be set");
      }
      built = new TotpWallet(config.secrets(), TotpWallet.DEFAULT_COST, random);
      wallet = built;
    }
    return built;
  }
}
