package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.authentication.PasswordCheck;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.impl.totp.TotpCheck;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a passcode against every enabled method of a user in {@code security.us_enabled_methods}
 * order (Flask-Security {@code _UnifiedPassCodeForm.validate2}): the password, then each method's
 * TOTP secret in the window {@code security.us_token_validity}. A code is accepted once: its time
 * step is recorded per method on every node ({@link UnifiedSigninStore#useStep}).
 *
 * <p>Why every method costs the same whether set up or not: a refused passcode for an unknown
 * identity, for a user without a password or with one method, and for a user with all of them takes
 * one password hash plus one secret decryption per enabled code method, so the time of the answer
 * does not tell which accounts exist or what they have set up.
 */
@ApplicationScoped
public class UsPasscodeCheck {

  @Inject UnifiedSigninConfig config;
  @Inject UnifiedSigninStore store;
  @Inject TotpSecrets secrets;
  @Inject PasswordCheck passwords;
  @Inject Clock clock;
  @Inject CredentialGuard guard;

  private volatile String decoy;

  /**
   * The method whose passcode this is, or empty; {@code user} empty for an unknown {@code identity}
   * (the same work is done, against nothing).
   *
   * <p>A passcode is one secret of the account whatever method it turns out to be, so it counts
   * against the account's password counter of the throttle ({@link CredentialGuard}; an identity
   * that names nobody is counted alike): while the throttle refuses, nothing is checked and the
   * answer is empty, which the endpoint's 400 turns into 429.
   */
  public Optional<String> match(Optional<UserRecord> user, String identity, String passcode) {
    ThrottleSubject account =
        user.map(ThrottleSubject::password)
            .orElseGet(() -> ThrottleSubject.unknownIdentity(identity));
    if (guard.refuses(account)) {
      return Optional.empty();
    }
    Optional<String> matched = firstMatch(user, passcode);
    if (matched.isPresent()) {
      guard.succeeded(account);
    } else {
      guard.failed(account);
    }
    return matched;
  }

  private Optional<String> firstMatch(Optional<UserRecord> user, String passcode) {
    Map<String, String> stored =
        user.map(u -> UsTotpSecrets.read(u.usTotpSecrets())).orElse(Map.of());
    Optional<String> matched = Optional.empty();
    for (String method : config.enabledMethods()) {
      boolean ok =
          method.equals("password")
              ? password(user, passcode)
              : code(user, method, stored.get(method), passcode);
      if (ok) {
        matched = Optional.of(method);
        break;
      }
    }
    return matched;
  }

  /**
   * Whether {@code passcode} is the code of {@code user}'s {@code method} now (and unused); counted
   * against the user's code counter of the throttle, and not checked while it refuses.
   */
  public boolean matchesMethod(UserRecord user, String method, String passcode) {
    ThrottleSubject codes = ThrottleSubject.codes(user);
    if (guard.refuses(codes)) {
      return false;
    }
    boolean right =
        code(
            Optional.of(user),
            method,
            UsTotpSecrets.read(user.usTotpSecrets()).get(method),
            passcode);
    if (right) {
      guard.succeeded(codes);
    } else {
      guard.failed(codes);
    }
    return right;
  }

  /**
   * The work of reading one secret, spent where there is none to read (an unknown identity asking
   * for a code, a magic link of nobody), so that the answer takes as long as for a real one.
   */
  public void spendOneSecret() {
    secrets.decrypt(decoy());
  }

  /** A key read as a real one is (the work of {@link #spendOneSecret}), for a stand-in's send. */
  Optional<TotpKey> standInKey() {
    return secrets.decrypt(decoy());
  }

  private boolean password(Optional<UserRecord> user, String passcode) {
    if (user.isEmpty() || user.get().password() == null || user.get().password().isEmpty()) {
      passwords.equalizeTiming();
      return false;
    }
    return passwords.verifyAndUpdate(user.get(), passcode);
  }

  private boolean code(Optional<UserRecord> user, String method, String secret, String passcode) {
    Optional<TotpKey> key = secrets.decrypt(secret == null ? decoy() : secret);
    if (user.isEmpty() || secret == null || key.isEmpty()) {
      return false;
    }
    long userId = user.get().id();
    OptionalLong step =
        TotpCheck.match(
            key.get(),
            passcode,
            clock.instant(),
            config.tokenValidity(),
            store.lastUsedStep(userId, method));
    return step.isPresent() && store.useStep(userId, method, step.getAsLong());
  }

  /** A secret of no one, decrypted where a user has none so that both cost the same. */
  private String decoy() {
    String made = decoy;
    if (made == null) {
      made = secrets.encrypt(secrets.newKey());
      decoy = made;
    }
    return made;
  }
}
