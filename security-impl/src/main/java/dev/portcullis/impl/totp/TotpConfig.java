package dev.portcullis.impl.totp;

import java.util.Map;

/**
 * The TOTP settings shared by every feature that stores a TOTP secret (spec §2.9).
 *
 * @param secrets the wallet, {@code tag -> secret} ({@code security.totp_secrets}); empty when no
 *     feature needs one
 * @param issuer the service name in authenticator apps ({@code security.totp_issuer})
 */
public record TotpConfig(Map<String, String> secrets, String issuer) {

  public TotpConfig {
    secrets = Map.copyOf(secrets);
  }

  /** Without the secrets. */
  @Override
  public String toString() {
    return "TotpConfig[tags=" + secrets.keySet() + ", issuer=" + issuer + "]";
  }
}
