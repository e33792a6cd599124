package dev.portcullis.impl.unifiedsignin;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Unified sign-in settings (spec §2.12).
 *
 * @param enabled {@code security.unified_signin}
 * @param enabledMethods passcodes {@code /us-signin} accepts, in the order they are tried ({@code
 *     security.us_enabled_methods})
 * @param mfaRequired methods after which a set-up second factor is still asked ({@code
 *     security.us_mfa_required})
 * @param tokenValidity the window of a code ({@code security.us_token_validity})
 * @param setupWithin lifetime of the set-up state token ({@code security.us_setup_within})
 * @param replacesLogin browsers asking for the login page get unified sign-in ({@code
 *     security.us_signin_replaces_login})
 * @param passwordRequired whether every user has a password ({@code security.password_required})
 * @param postSetupView where browsers go after a method was set up
 * @param signinTemplate the sign-in page
 * @param setupTemplate the set-up page
 * @param verifyTemplate the re-authentication page
 */
public record UnifiedSigninConfig(
    boolean enabled,
    List<String> enabledMethods,
    Set<String> mfaRequired,
    Duration tokenValidity,
    Duration setupWithin,
    boolean replacesLogin,
    boolean passwordRequired,
    String postSetupView,
    String signinTemplate,
    String setupTemplate,
    String verifyTemplate) {

  /** Every method unified sign-in knows. */
  public static final List<String> METHODS = List.of("password", "email", "authenticator", "sms");

  /** Copies the collections. */
  public UnifiedSigninConfig {
    enabledMethods = List.copyOf(enabledMethods);
    mfaRequired = Set.copyOf(mfaRequired);
  }

  /** Enabled methods that deliver a code ({@code code_methods}): email and sms. */
  public List<String> codeMethods() {
    return enabledMethods.stream().filter(m -> m.equals("email") || m.equals("sms")).toList();
  }

  /** Enabled methods that are set up with a secret ({@code setup_methods}): all but password. */
  public List<String> setupMethods() {
    return enabledMethods.stream().filter(m -> !m.equals("password")).toList();
  }
}
