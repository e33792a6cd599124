package dev.portcullis.sample;

import dev.portcullis.Security;
import dev.portcullis.SecurityUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs the sample's {@code index.xhtml}: who, if anyone, is signed in. */
@Named("home")
@RequestScoped
public class HomeBean {

  @Inject Security security;

  /** Whether the request carries a signed-in user. */
  public boolean isSignedIn() {
    return security.currentUser().isPresent();
  }

  /** The signed-in user's email, or {@code null} when anonymous. */
  public String getEmail() {
    return security.currentUser().map(SecurityUser::email).orElse(null);
  }
}
