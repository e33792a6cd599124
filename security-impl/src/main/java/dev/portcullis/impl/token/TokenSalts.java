package dev.portcullis.impl.token;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The salt of every {@link TokenPurpose}: Flask's defaults, with the overrides the configuration
 * ({@code security.remember_salt}, {@code security.confirm_salt}, ...) supplies.
 *
 * <p>Salts must be non-empty and pairwise distinct: two purposes sharing a salt would accept each
 * other's tokens, so that is rejected as a configuration error.
 *
 * @param salts one salt for every purpose
 */
public record TokenSalts(Map<TokenPurpose, String> salts) {

  public TokenSalts {
    EnumMap<TokenPurpose, String> copy = new EnumMap<>(TokenPurpose.class);
    copy.putAll(Objects.requireNonNull(salts, "salts"));
    Set<String> seen = new HashSet<>();
    for (TokenPurpose purpose : TokenPurpose.values()) {
      String salt = copy.get(purpose);
      if (salt == null || salt.isEmpty()) {
        throw new IllegalArgumentException("No signing salt for token purpose " + purpose);
      }
      if (!seen.add(salt)) {
        throw new IllegalArgumentException(
            "Signing salt '" + salt + "' is used by two token purposes; give each its own");
      }
    }
    salts = Map.copyOf(copy);
  }

  /** Flask's default salts. */
  public static TokenSalts defaults() {
    return withOverrides(Map.of());
  }

  /** Flask's defaults with some salts replaced. */
  public static TokenSalts withOverrides(Map<TokenPurpose, String> overrides) {
    Map<TokenPurpose, String> all = new EnumMap<>(TokenPurpose.class);
    for (TokenPurpose purpose : TokenPurpose.values()) {
      all.put(purpose, purpose.defaultSalt());
    }
    all.putAll(overrides);
    return new TokenSalts(all);
  }

  /** The salt for {@code purpose}. */
  public String saltFor(TokenPurpose purpose) {
    return salts.get(Objects.requireNonNull(purpose, "purpose"));
  }
}
