package dev.portcullis.impl.webauthn;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * WebAuthn settings (spec §2.15), read once at start by {@code impl.config}.
 *
 * @param enabled {@code security.webauthn}
 * @param rpId {@code security.wan_rp_id}; empty = derived from {@code security.external_base_url}
 *     or the vetted request host ({@link RelyingPartyIdentity})
 * @param origins {@code security.wan_origins}; empty = derived
 * @param rpName {@code security.wan_rp_name}
 * @param challengeBytes random bytes of a challenge ({@code security.wan_challenge_bytes})
 * @param registerTimeoutMillis {@code security.wan_register_timeout}
 * @param signinTimeoutMillis {@code security.wan_signin_timeout}
 * @param registerWithin lifetime of a registration state
 * @param signinWithin lifetime of a sign-in or verify state
 * @param allowAsFirstFactor {@code security.wan_allow_as_first_factor}
 * @param allowAsMultiFactor {@code security.wan_allow_as_multi_factor}
 * @param allowUserHints {@code security.wan_allow_user_hints}
 * @param firstFactorAttachment {@code security.wan_first_factor_attachment}: {@code platform},
 *     {@code cross-platform}, or empty = no attachment hint for keys of usage {@code first}
 * @param allowAsVerify key usages {@code /wan-verify} accepts; empty = no {@code /wan-verify}
 * @param freshnessChecked {@code security.freshness} is not negative (a negative freshness means
 *     sessions are always fresh: Flask then has no {@code /wan-verify})
 * @param postRegisterView where browsers go after registering
 * @param registerTemplate the keys page
 * @param signinTemplate the sign-in page
 * @param verifyTemplate the re-authentication page
 */
public record WebAuthnConfig(
    boolean enabled,
    Optional<String> rpId,
    List<String> origins,
    String rpName,
    int challengeBytes,
    long registerTimeoutMillis,
    long signinTimeoutMillis,
    Duration registerWithin,
    Duration signinWithin,
    boolean allowAsFirstFactor,
    boolean allowAsMultiFactor,
    boolean allowUserHints,
    Optional<String> firstFactorAttachment,
    Set<String> allowAsVerify,
    boolean freshnessChecked,
    String postRegisterView,
    String registerTemplate,
    String signinTemplate,
    String verifyTemplate) {

  /** The two key usages. */
  public static final String FIRST = "first";

  /** A key for the second factor only. */
  public static final String SECONDARY = "secondary";

  /** Copies the collections. */
  public WebAuthnConfig {
    Objects.requireNonNull(rpId, "rpId");
    Objects.requireNonNull(firstFactorAttachment, "firstFactorAttachment");
    origins = List.copyOf(origins);
    allowAsVerify = Set.copyOf(allowAsVerify);
  }

  /**
   * Whether {@code /wan-verify} exists (Flask: {@code FRESHNESS} ≥ 0 and {@code
   * WAN_ALLOW_AS_VERIFY} not empty, spec §1.2 #29).
   */
  public boolean verifyEnabled() {
    return enabled && freshnessChecked && !allowAsVerify.isEmpty();
  }
}
