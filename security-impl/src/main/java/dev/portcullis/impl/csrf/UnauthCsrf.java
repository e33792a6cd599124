package dev.portcullis.impl.csrf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Portcullis endpoint whose unsafe requests need a CSRF token even from anonymous callers
 * (Flask-Security's {@code unauth_csrf}), e.g. login, so a site cannot sign a visitor into an
 * attacker's account. Failures are reported as a {@code csrf_token} field error.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface UnauthCsrf {}
