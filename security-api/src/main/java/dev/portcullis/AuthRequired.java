package dev.portcullis;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires an authenticated caller (Flask-Security's {@code auth_required}). Works on JAX-RS
 * resources and on CDI beans.
 *
 * <p>An unauthenticated JSON client gets 401 in the JSON envelope (with {@code WWW-Authenticate}
 * when {@link Mechanism#BASIC} is allowed); a browser is redirected to the login page. With {@code
 * within >= 0} the last primary authentication must be at most that many minutes old, else the
 * caller must re-authenticate (401 {@code reauth_required}).
 *
 * <pre>{@code
 * @GET @Path("reports")
 * @AuthRequired(mechanisms = {Mechanism.TOKEN, Mechanism.SESSION}, within = 30)
 * public Report reports() { ... }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AuthRequired {

  /**
   * Accepted mechanisms, tried in the fixed order token, session, basic. Empty means {@code
   * security.api_enabled_methods} (default session and token).
   */
  @Nonbinding
  Mechanism[] mechanisms() default {};

  /** Freshness in minutes; negative (the default) disables the freshness check. */
  @Nonbinding
  int within() default -1;

  /**
   * Grace period in minutes after a successful freshness check; negative means the configured one.
   */
  @Nonbinding
  int grace() default -1;
}
