package dev.portcullis.impl.config;

import dev.portcullis.impl.unifiedsignin.UnifiedSigninConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the unified sign-in keys of {@link MultiFactorKey} with Flask-Security's start-up rule
 * (spec §2.18): {@code security.us_enabled_methods} must not be empty when unified sign-in is on.
 */
final class UnifiedSigninSettings {

  private final Settings settings;

  UnifiedSigninSettings(Settings settings) {
    this.settings = settings;
  }

  UnifiedSigninConfig read() {
    boolean enabled = settings.bool(MultiFactorKey.UNIFIED_SIGNIN);
    List<String> methods = methods(MultiFactorKey.US_ENABLED_METHODS);
    if (enabled && methods.isEmpty()) {
      throw new ConfigurationException(
          MultiFactorKey.US_ENABLED_METHODS, "must list at least one method");
    }
    boolean passwordRequired = settings.bool(MultiFactorKey.PASSWORD_REQUIRED);
    if (!passwordRequired && !enabled) {
      throw new ConfigurationException(
          MultiFactorKey.PASSWORD_REQUIRED,
          "may be false only with security.unified_signin=true: users without a password need"
              + " another way to sign in");
    }
    Set<String> mfa =
        settings.optionalString(MultiFactorKey.US_MFA_REQUIRED).isEmpty()
            ? Set.of()
            : new LinkedHashSet<>(methods(MultiFactorKey.US_MFA_REQUIRED));
    return new UnifiedSigninConfig(
        enabled,
        methods,
        mfa,
        settings.positiveDuration(MultiFactorKey.US_TOKEN_VALIDITY),
        settings.positiveDuration(MultiFactorKey.US_SETUP_WITHIN),
        settings.bool(MultiFactorKey.US_SIGNIN_REPLACES_LOGIN),
        passwordRequired,
        settings.string(MultiFactorKey.US_POST_SETUP_VIEW).trim(),
        settings.string(MultiFactorKey.US_SIGNIN_TEMPLATE).trim(),
        settings.string(MultiFactorKey.US_SETUP_TEMPLATE).trim(),
        settings.string(MultiFactorKey.US_VERIFY_TEMPLATE).trim());
  }

  /** Known methods only, each once, in the order given. */
  private List<String> methods(ConfigKey key) {
    List<String> methods = new ArrayList<>();
    if (settings.optionalString(key).isEmpty()) {
      return methods;
    }
    for (String name : settings.list(key)) {
      String method = name.toLowerCase(Locale.ROOT);
      if (!UnifiedSigninConfig.METHODS.contains(method)) {
        throw new ConfigurationException(
            key, "must list password, email, authenticator or sms, not '" + name + "'");
      }
      if (!methods.contains(method)) {
        methods.add(method);
      }
    }
    return methods;
  }
}
