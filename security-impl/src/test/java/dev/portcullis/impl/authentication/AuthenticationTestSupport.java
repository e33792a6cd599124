package dev.portcullis.impl.authentication;

import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.spi.UserStore;

/** Builds this package's CDI beans outside a container, for service tests in other packages. */
public final class AuthenticationTestSupport {

  private AuthenticationTestSupport() {}

  /** The password check over {@code hasher} and {@code users}. */
  public static PasswordCheck passwordCheck(PasswordHasher hasher, UserStore users) {
    return new PasswordCheck(hasher, users);
  }
}
