package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.http.CookieAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Two-factor settings (spec §2.10), read once at start-up.
 *
 * @param enabled whether the endpoints and pages exist ({@code security.two_factor})
 * @param required every user must pass a second factor ({@code security.two_factor_required})
 * @param enabledMethods what users may choose, in the configured order
 * @param authenticatorValidity window of authenticator codes
 * @param mailValidity window of mailed codes
 * @param smsValidity window of texted codes
 * @param alwaysValidate false lets the {@code tf_validity} cookie skip the second factor
 * @param loginValidity lifetime of that cookie
 * @param validityCookie its attributes
 * @param rescueEmail offer "mail me a code" as a rescue
 * @param rescueMail the help desk's address
 * @param postSetupView where browsers go after a change
 * @param errorView where browsers go after an out-of-turn request; empty = the login page
 * @param setupTemplate the setup page
 * @param verifyCodeTemplate the code page
 * @param selectTemplate the select page
 * @param codeSendLimit codes sent to one user per {@code codeSendPeriod}
 * @param codeSendPeriod the period of that limit
 * @param recoveryCodes whether recovery codes are on (offered as a rescue)
 * @param recoveryTemplate the page that takes a recovery code
 */
public record TwoFactorConfig(
    boolean enabled,
    boolean required,
    List<String> enabledMethods,
    Duration authenticatorValidity,
    Duration mailValidity,
    Duration smsValidity,
    boolean alwaysValidate,
    Duration loginValidity,
    CookieAttributes validityCookie,
    boolean rescueEmail,
    String rescueMail,
    String postSetupView,
    Optional<String> errorView,
    String setupTemplate,
    String verifyCodeTemplate,
    String selectTemplate,
    int codeSendLimit,
    Duration codeSendPeriod,
    boolean recoveryCodes,
    String recoveryTemplate) {

  /** The methods Flask-Security knows (and its legacy names, accepted when reading). */
  public static final List<String> METHODS = List.of("email", "authenticator", "sms");

  public TwoFactorConfig {
    enabledMethods = List.copyOf(enabledMethods);
  }

  /**
   * The window of codes of {@code method} (spec §7.3): legacy names {@code mail} and {@code
   * google_authenticator} included; empty for anything else, which then never validates.
   */
  public Optional<Duration> window(String method) {
    return switch (method == null ? "" : method) {
      case "authenticator", "google_authenticator" -> Optional.of(authenticatorValidity);
      case "email", "mail" -> Optional.of(mailValidity);
      case "sms" -> Optional.of(smsValidity);
      default -> Optional.empty();
    };
  }
}
