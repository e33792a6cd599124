package dev.portcullis.impl.login;

import dev.portcullis.impl.authentication.AuthenticationTestSupport;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.rest.FormData;
import dev.portcullis.impl.views.ViewsTestSupport;
import dev.portcullis.spi.UserStore;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** The login service wired as CDI wires it, for tests in other packages. */
public final class LoginTestSupport {

  private LoginTestSupport() {}

  /** Checks JSON-login fields as {@code POST /login} does, against {@code users}. */
  public static LoginOutcome login(
      Config config,
      SecurityConfiguration configuration,
      PasswordHasher hasher,
      UserStore users,
      String email,
      String password) {
    LoginService service =
        new LoginService(
            users,
            AuthenticationTestSupport.passwordCheck(hasher, users),
            ViewsTestSupport.redirects(configuration.redirects()),
            new Messages(config),
            configuration.login());
    LoginForm form =
        LoginForm.from(
            FormData.of(Map.of("email", email, "password", password)),
            configuration.login().usernameEnable());
    return service.authenticate(form, null, "app.example");
  }
}
