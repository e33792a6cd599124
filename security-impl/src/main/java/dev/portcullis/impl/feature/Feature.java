package dev.portcullis.impl.feature;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names of the optional features (Flask-Security's feature flags, spec §2.2) and the marker for
 * their endpoints. A feature registers its flag by producing a {@link FeatureFlag} bean of the same
 * name; {@link FeatureGate} needs no change for a new one.
 */
public final class Feature {

  /** {@code security.registerable}. */
  public static final String REGISTERABLE = "registerable";

  /** {@code security.confirmable}. */
  public static final String CONFIRMABLE = "confirmable";

  /** {@code security.recoverable}. */
  public static final String RECOVERABLE = "recoverable";

  /** {@code security.changeable}. */
  public static final String CHANGEABLE = "changeable";

  /** {@code security.change_email}. */
  public static final String CHANGE_EMAIL = "change_email";

  /** {@code security.two_factor}. */
  public static final String TWO_FACTOR = "two_factor";

  /** {@code security.multi_factor_recovery_codes} (with two-factor). */
  public static final String MULTI_FACTOR_RECOVERY_CODES = "multi_factor_recovery_codes";

  /** {@code security.unified_signin}. */
  public static final String UNIFIED_SIGNIN = "unified_signin";

  /** {@code security.webauthn}. */
  public static final String WEBAUTHN = "webauthn";

  /** {@code security.webauthn} with {@code security.wan_allow_as_verify} not empty. */
  public static final String WEBAUTHN_VERIFY = "webauthn_verify";

  /** {@code security.oauth_enable}. */
  public static final String OAUTH = "oauth";

  /** {@code security.jwt_enable}. */
  public static final String JWT = "jwt";

  private Feature() {}

  /**
   * Marks a JAX-RS resource that exists only when its feature is enabled; with several names, when
   * any of them is (Flask's {@code /tf-select} exists with two-factor or WebAuthn).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface Gated {
    /** The feature's names, as their {@link FeatureFlag}s; enabled when any is. */
    String[] value();
  }
}
