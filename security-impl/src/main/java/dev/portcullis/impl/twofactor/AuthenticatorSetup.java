package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.totp.OtpAuthUri;
import dev.portcullis.impl.totp.QrCodeImage;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * What an authenticator app needs to enrol a new key (Flask-Security {@code
 * Totp.fetch_setup_values}): the key in groups of four, the account name ({@code calc_username()}:
 * the first of the configured identity attributes the user has), the issuer ({@code
 * security.totp_issuer}) and the QR code of the {@code otpauth://} URI holding all three.
 */
@ApplicationScoped
public class AuthenticatorSetup {

  @Inject TotpSecrets secrets;
  @Inject AuthenticationConfig authentication;

  /**
   * {@code tf_authr_key}, {@code tf_authr_username}, {@code tf_authr_issuer}, {@code
   * tf_authr_qrcode}.
   */
  public JsonObject values(UserRecord user, TotpKey key) {
    String username = accountName(user);
    return Jsons.object()
        .add("tf_authr_key", key.grouped())
        .add("tf_authr_username", username)
        .add("tf_authr_issuer", secrets.issuer())
        .add(
            "tf_authr_qrcode",
            QrCodeImage.svgDataUri(new OtpAuthUri(key, username, secrets.issuer()).text()))
        .build();
  }

  /** Flask's {@code calc_username()}, or {@code Unknown} as Flask writes for a user without one. */
  String accountName(UserRecord user) {
    for (IdentityAttribute attribute : authentication.identityAttributes()) {
      String value =
          switch (attribute) {
            case EMAIL -> user.email();
            case USERNAME -> user.username();
            case US_PHONE_NUMBER -> user.usPhoneNumber();
          };
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "Unknown";
  }
}
