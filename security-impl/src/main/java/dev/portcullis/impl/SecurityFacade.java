package dev.portcullis.impl;

import dev.portcullis.Mechanism;
import dev.portcullis.Security;
import dev.portcullis.SecurityUser;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.CurrentResponse;
import dev.portcullis.impl.authentication.SessionLogin;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The {@link Security} facade over the request's authentication and the password hasher. */
@ApplicationScoped
public class SecurityFacade implements Security {

  @Inject HttpServletRequest request;
  @Inject PasswordHasher hasher;
  @Inject UserStore users;
  @Inject SessionLogin sessions;

  @Override
  public Optional<SecurityUser> currentUser() {
    return Authentication.of(request).map(a -> a.user().toSecurityUser());
  }

  @Override
  public Optional<Mechanism> currentMechanism() {
    return Authentication.of(request).map(Authentication::mechanism);
  }

  @Override
  public String hashPassword(String password) {
    return hasher.hash(password);
  }

  @Override
  public boolean verifyPassword(SecurityUser user, String password) {
    return users
        .findById(user.id())
        .filter(u -> u.hasPassword())
        .map(u -> hasher.verify(password, u.password()).ok())
        .orElse(false);
  }

  @Override
  public void logout() {
    sessions.logout(request, CurrentResponse.of(request).orElse(null));
  }
}
