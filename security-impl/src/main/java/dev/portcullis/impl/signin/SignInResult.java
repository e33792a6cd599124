package dev.portcullis.impl.signin;

import dev.portcullis.spi.UserRecord;
import java.util.List;
import java.util.Optional;

/** What {@link SignIn#complete} answers. */
public sealed interface SignInResult {

  /** The user the result is about. */
  UserRecord user();

  /**
   * Signed in: the session is renewed and bound to the user, remember-me set if asked, login
   * tracked, {@code UserAuthenticated} fired.
   *
   * @param user the signed-in user
   * @param authnVia how, for the event and the reply
   */
  record SignedIn(UserRecord user, List<String> authnVia) implements SignInResult {
    /** Copies the list. */
    public SignedIn {
      authnVia = List.copyOf(authnVia);
    }
  }

  /**
   * Not signed in yet: a second factor must pass first (Flask-Security {@code tf_enter}, spec
   * §7.2). The pending state is signed and bound to the user; the session holds it, not a login.
   *
   * @param user the user whose first factor passed
   * @param methods the second factors the user may use, in the order the plug-ins were asked;
   *     several mean the user selects one ({@code tf_select})
   * @param pendingState the signed pending state (never shown to anyone but its own client)
   * @param step how the one factor's login step started; empty when the user selects first
   */
  record SecondFactorRequired(
      UserRecord user,
      List<SecondFactor> methods,
      String pendingState,
      Optional<SecondFactor.Step> step)
      implements SignInResult {
    /** Copies the list. */
    public SecondFactorRequired {
      methods = List.copyOf(methods);
    }
  }
}
