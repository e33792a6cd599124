package dev.portcullis.impl.openapi;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.feature.Feature;
import java.util.Map;
import java.util.Set;

/**
 * What the served description depends on: the switch, where the JSON API lives, the conditions the
 * document's {@code x-portcullis-when} extensions name, the mechanisms authenticated endpoints
 * accept, and the names under which the credentials travel.
 *
 * @param enabled {@code security.openapi}
 * @param pathPrefix the JSON API's path inside the application ({@code security.url_prefix}),
 *     {@code ""} or starting with {@code /} and never ending with one
 * @param conditions every condition name the document may use, with its value
 * @param apiMechanisms {@code security.api_enabled_methods}: what Portcullis' authenticated
 *     endpoints accept
 * @param tokenHeader {@code security.token_authentication_header}
 * @param tokenQueryKey {@code security.token_authentication_key}
 * @param rememberCookie {@code remember.cookie_name}
 */
record OpenApiSettings(
    boolean enabled,
    String pathPrefix,
    Map<String, Boolean> conditions,
    Set<Mechanism> apiMechanisms,
    String tokenHeader,
    String tokenQueryKey,
    String rememberCookie) {

  /** Copies the collections. */
  OpenApiSettings {
    conditions = Map.copyOf(conditions);
    apiMechanisms = Set.copyOf(apiMechanisms);
  }

  /** The settings of an application's configuration. */
  static OpenApiSettings of(SecurityConfiguration config) {
    var account = config.account();
    var authentication = config.authentication();
    Set<String> logout = config.login().logoutMethods();
    Map<String, Boolean> conditions =
        Map.ofEntries(
            Map.entry(Feature.REGISTERABLE, account.registerable()),
            Map.entry(Feature.CONFIRMABLE, account.confirmable()),
            Map.entry(Feature.RECOVERABLE, account.recoverable()),
            Map.entry(Feature.CHANGEABLE, account.changeable()),
            Map.entry(Feature.CHANGE_EMAIL, account.changeEmail()),
            Map.entry("username_enable", config.login().usernameEnable()),
            Map.entry("logout_get", logout.contains("GET")),
            Map.entry("logout_post", logout.contains("POST")),
            Map.entry(Feature.TWO_FACTOR, config.twoFactor().enabled()),
            Map.entry(Feature.MULTI_FACTOR_RECOVERY_CODES, config.recoveryCodes().enabled()),
            Map.entry(Feature.UNIFIED_SIGNIN, config.unifiedSignin().enabled()),
            Map.entry("throttle", config.throttle().enabled()),
            Map.entry(Feature.OAUTH, config.oauth().enabled()),
            Map.entry(Feature.JWT, config.jwt().enabled()),
            Map.entry(Feature.WEBAUTHN, config.webAuthn().enabled()),
            Map.entry(Feature.WEBAUTHN_VERIFY, config.webAuthn().verifyEnabled()),
            // the 404 of /wan-signin: keys may not be a first factor
            Map.entry("wan_first_factor_off", !config.webAuthn().allowAsFirstFactor()),
            // false only with unified sign-in on (the configuration refuses it otherwise)
            Map.entry("password_required", config.unifiedSignin().passwordRequired()));
    return new OpenApiSettings(
        config.openApi(),
        prefix(config.links().urlPrefix()),
        conditions,
        authentication.apiEnabledMethods(),
        authentication.tokenHeader(),
        authentication.tokenQueryKey(),
        authentication.rememberCookieName());
  }

  /** {@code api}, {@code /api/} and {@code /api} all become {@code /api}; {@code /} becomes "". */
  static String prefix(String urlPrefix) {
    String path = urlPrefix.strip();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      return "";
    }
    return path.startsWith("/") ? path : "/" + path;
  }
}
