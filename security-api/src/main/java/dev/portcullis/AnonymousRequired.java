package dev.portcullis;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only for callers who are not signed in (Flask-Security's {@code anonymous_user_required}): an
 * authenticated JSON client gets 400 {@code ANONYMOUS_USER_REQUIRED}, a browser is redirected to
 * the post-login view.
 *
 * <pre>{@code
 * @POST @Path("signup") @AnonymousRequired
 * public Response signup(Form form) { ... }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnonymousRequired {}
