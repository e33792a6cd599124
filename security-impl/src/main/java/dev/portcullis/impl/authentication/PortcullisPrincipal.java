package dev.portcullis.impl.authentication;

import jakarta.security.enterprise.CallerPrincipal;

/** The caller principal: named by email, carrying the user's id. */
public class PortcullisPrincipal extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final long userId;

  public PortcullisPrincipal(String email, long userId) {
    super(email);
    this.userId = userId;
  }

  /** The user's primary key. */
  public long userId() {
    return userId;
  }
}
