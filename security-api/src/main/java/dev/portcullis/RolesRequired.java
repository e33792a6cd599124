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
 * Requires every one of the named roles (Flask-Security's {@code roles_required}). Works on JAX-RS
 * resources and CDI beans.
 *
 * <p>A caller without them gets 403 in the JSON envelope, or a browser the unauthorized view. Like
 * Flask-Security, an unauthenticated caller also gets 403: combine with {@link AuthRequired} to ask
 * for a login instead.
 *
 * <pre>{@code
 * @AuthRequired
 * @RolesRequired({"admin", "auditor"})
 * public void purge() { ... }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RolesRequired {

  /** The role names. */
  @Nonbinding
  String[] value();
}
