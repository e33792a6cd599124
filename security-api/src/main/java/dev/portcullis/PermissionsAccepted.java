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
 * Requires at least one of the named permissions (Flask-Security's {@code permissions_accepted}).
 * Works on JAX-RS resources and CDI beans.
 *
 * <p>A caller without them gets 403 in the JSON envelope, or a browser the unauthorized view. Like
 * Flask-Security, an unauthenticated caller also gets 403: combine with {@link AuthRequired} to ask
 * for a login instead.
 *
 * <pre>{@code
 * @AuthRequired
 * @PermissionsAccepted({"user-read", "admin-read"})
 * public void purge() { ... }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PermissionsAccepted {

  /** The permission names. */
  @Nonbinding
  String[] value();
}
