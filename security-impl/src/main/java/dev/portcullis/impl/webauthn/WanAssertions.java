package dev.portcullis.impl.webauthn;

import dev.portcullis.event.WanCounterRegressed;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.throttle.CredentialGuard;
import dev.portcullis.impl.throttle.ThrottleSubject;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Signing in and re-authenticating with a key (Flask-Security {@code webauthn.wan_signin}, {@code
 * wan_signin_response}, {@code wan_verify}, {@code wan_verify_response}; spec §1.2 #26, #27, #29,
 * #30, §7.6; WebAuthn L3 §7.2). Checks in Flask's order — state, credential id, owner, user handle,
 * usage, owner active, signature — then, beyond Flask: the owner must be the user the state was
 * made for (second factor: the pending user; verify: the signed-in user, GHSA-f66q-9rf6-8795); the
 * throttle is asked before the credential id is looked up, an unknown id or another user's key
 * counts against the client address (and the user the state was made for), a failed signature
 * against the owner's codes; and the challenge is single use on every node. No key data is written
 * unless the assertion passed.
 */
public class WanAssertions {

  private static final Logger LOG = Logger.getLogger(WanAssertions.class.getName());

  private final WebAuthnConfig config;
  private final WanStates states;
  private final WebAuthnStore store;
  private final RelyingParty relyingParty;
  private final UserStore users;
  private final Function<String, Optional<UserRecord>> identities;
  private final CredentialGuard guard;
  private final EventPublisher events;
  private final Clock clock;

  /**
   * @param identities finds the user an identity hint names (Flask's {@code lookup_identity})
   */
  public WanAssertions(
      WebAuthnConfig config,
      WanStates states,
      WebAuthnStore store,
      RelyingParty relyingParty,
      UserStore users,
      Function<String, Optional<UserRecord>> identities,
      CredentialGuard guard,
      EventPublisher events,
      Clock clock) {
    this.config = config;
    this.states = states;
    this.store = store;
    this.relyingParty = relyingParty;
    this.users = users;
    this.identities = identities;
    this.guard = guard;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Request options for a sign-in: as the second factor of {@code pending}'s user (its {@code
   * secondary} keys), or as the first factor (the {@code first} keys of an identity hint when hints
   * are allowed and it names an active user; otherwise none, for discoverable credentials).
   */
  public WanResult startSignin(
      Optional<UserRecord> pending,
      Optional<String> identity,
      boolean remember,
      RelyingPartyIdentity.Resolved rp) {
    if (pending.isPresent()) {
      List<WebAuthnCredential> keys = keysOf(pending.get(), Set.of(WebAuthnConfig.SECONDARY));
      return started(WanState.Ceremony.SECONDARY, pending, keys, remember, "discouraged", rp);
    }
    List<WebAuthnCredential> keys = List.of();
    if (config.allowUserHints() && identity.isPresent() && !identity.get().isBlank()) {
      keys =
          identities
              .apply(identity.get())
              .filter(UserRecord::active)
              .map(user -> keysOf(user, Set.of(WebAuthnConfig.FIRST)))
              .orElse(List.of());
    }
    return started(WanState.Ceremony.SIGNIN, Optional.empty(), keys, remember, "preferred", rp);
  }

  /** Request options for re-authenticating {@code user} with a key of the allowed usages. */
  public WanResult startVerify(UserRecord user, RelyingPartyIdentity.Resolved rp) {
    String uv =
        config.allowAsVerify().contains(WebAuthnConfig.SECONDARY) ? "discouraged" : "preferred";
    return started(
        WanState.Ceremony.VERIFY,
        Optional.of(user),
        keysOf(user, config.allowAsVerify()),
        false,
        uv,
        rp);
  }

  /** Whether {@code user} owns a key {@code /wan-verify} accepts. */
  public boolean hasVerifyCredential(UserRecord user) {
    return config.verifyEnabled() && !keysOf(user, config.allowAsVerify()).isEmpty();
  }

  /**
   * Checks the browser's {@code credential} for {@code stateToken} of {@code ceremony}, made for
   * {@code boundUser} (empty for a first-factor sign-in).
   */
  public Checked finish(
      String stateToken,
      WanState.Ceremony ceremony,
      Optional<UserRecord> boundUser,
      Optional<String> credentialJson,
      RelyingPartyIdentity.Resolved rp) {
    WanStates.Read read = states.read(stateToken, ceremony, boundUser);
    if (read instanceof WanStates.Read.Expired expired) {
      return refused("WEBAUTHN_EXPIRED", Map.of("within", expired.within()));
    }
    Optional<AssertionIds> ids = credentialJson.flatMap(relyingParty::readAssertionIds);
    if (!(read instanceof WanStates.Read.Valid valid) || ids.isEmpty()) {
      return refused("API_ERROR", Map.of());
    }
    // Before the look-up: guessing credential ids is a failed check like a wrong password.
    Optional<ThrottleSubject> account = boundUser.map(ThrottleSubject::codes);
    if (account.isPresent() ? guard.refuses(account.get()) : guard.refusesAddress()) {
      return refused(CredentialGuard.ATTEMPTS_MESSAGE, Map.of());
    }
    Optional<WebAuthnCredential> found = store.find(ids.get().credentialId());
    if (found.isEmpty()) {
      return failedCheck(account, "WEBAUTHN_UNKNOWN_CREDENTIAL_ID");
    }
    WebAuthnCredential key = found.get();
    Optional<UserRecord> owner = users.findById(key.userId());
    if (owner.isEmpty()) {
      return failedCheck(account, "WEBAUTHN_ORPHAN_CREDENTIAL_ID");
    }
    Optional<Checked> wrong = ownership(ids.get(), key, owner.get(), ceremony, boundUser);
    if (wrong.isPresent()) {
      return wrong.get();
    }
    return verify(credentialJson.get(), key, owner.get(), valid.state(), rp);
  }

  /**
   * A credential id that is no key of the user it must be: counts against the client address, and
   * against the user the state was made for when there is one (verify, second factor), as a wrong
   * code does.
   */
  private Checked failedCheck(Optional<ThrottleSubject> account, String messageKey) {
    if (account.isPresent()) {
      guard.failed(account.get());
    } else {
      guard.failedAddress();
    }
    return refused(messageKey, Map.of());
  }

  /** Flask's user-handle, usage and active checks, and the owner binding it lacks. */
  private Optional<Checked> ownership(
      AssertionIds ids,
      WebAuthnCredential key,
      UserRecord owner,
      WanState.Ceremony ceremony,
      Optional<UserRecord> boundUser) {
    Optional<byte[]> handle = ids.userHandle();
    Optional<ThrottleSubject> account = boundUser.map(ThrottleSubject::codes);
    if (handle.isPresent()
        && (owner.fsWebauthnUserHandle() == null
            || !MessageDigest.isEqual(
                handle.get(), owner.fsWebauthnUserHandle().getBytes(StandardCharsets.US_ASCII)))) {
      return Optional.of(failedCheck(account, "WEBAUTHN_MISMATCH_USER_HANDLE"));
    }
    if (boundUser.isPresent() && boundUser.get().id() != owner.id()) {
      return Optional.of(failedCheck(account, "WEBAUTHN_MISMATCH_USER_HANDLE"));
    }
    Set<String> usages =
        switch (ceremony) {
          case SIGNIN -> Set.of(WebAuthnConfig.FIRST);
          case SECONDARY -> Set.of(WebAuthnConfig.SECONDARY);
          default -> config.allowAsVerify();
        };
    if (!usages.contains(key.usage())) {
      return Optional.of(refused("WEBAUTHN_CREDENTIAL_WRONG_USAGE", Map.of()));
    }
    if (!owner.active()) {
      return Optional.of(refused("DISABLED_ACCOUNT", Map.of()));
    }
    return Optional.empty();
  }

  private Checked verify(
      String json,
      WebAuthnCredential key,
      UserRecord owner,
      WanState state,
      RelyingPartyIdentity.Resolved rp) {
    ThrottleSubject codes = ThrottleSubject.codes(owner);
    if (guard.refuses(codes)) {
      return refused(CredentialGuard.ATTEMPTS_MESSAGE, Map.of());
    }
    AssertionOutcome outcome =
        relyingParty.verifyAssertion(
            json,
            key.stored(),
            new Expectations(
                rp.rpId(), rp.origins(), state.challengeBytes(), state.userVerification()));
    if (outcome instanceof AssertionOutcome.Refused refusal) {
      guard.failed(codes);
      return refused(refusal.messageKey(), Map.of("cause", refusal.cause()));
    }
    if (outcome instanceof AssertionOutcome.CounterRegressed regressed) {
      guard.failed(codes);
      return cloned(owner, key, regressed.storedCount(), regressed.receivedCount());
    }
    AssertionOutcome.Verified verified = (AssertionOutcome.Verified) outcome;
    WebAuthnStore.Use use =
        store.recordUse(key.id(), key.signCount(), verified, clock.instant(), state.used());
    if (use == WebAuthnStore.Use.CHALLENGE_USED) {
      guard.failed(codes);
      return refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "the challenge was answered already"));
    }
    if (use == WebAuthnStore.Use.COUNTER_MOVED) {
      guard.failed(codes);
      return cloned(owner, key, key.signCount(), verified.signCount());
    }
    guard.succeeded(codes);
    return new Checked.Passed(owner, key.name(), verified.userVerified(), state.remember());
  }

  /** Refused and reported: logged (ids only) and fired as {@link WanCounterRegressed}. */
  private Checked cloned(UserRecord owner, WebAuthnCredential key, long stored, long received) {
    LOG.warning(
        () ->
            "WebAuthn signature counter did not increase (possible cloned authenticator): user id "
                + owner.id()
                + ", key row "
                + key.id()
                + ", stored "
                + stored
                + ", received "
                + received);
    events.publish(new WanCounterRegressed(owner.toSecurityUser(), key.name(), stored, received));
    return refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "the signature counter did not increase"));
  }

  private WanResult started(
      WanState.Ceremony ceremony,
      Optional<UserRecord> user,
      List<WebAuthnCredential> keys,
      boolean remember,
      String userVerification,
      RelyingPartyIdentity.Resolved rp) {
    WanState state =
        new WanState(
            ceremony,
            states.newChallenge(),
            false,
            user.map(UserRecord::fsUniquifier),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            remember,
            clock.instant());
    return new WanResult.Started(
        WanOptions.request(rp, config, state, keys, userVerification), states.sign(state));
  }

  private List<WebAuthnCredential> keysOf(UserRecord user, Set<String> usages) {
    return store.credentialsOf(user.id()).stream()
        .filter(key -> usages.contains(key.usage()))
        .toList();
  }

  private static Checked refused(String key, Map<String, ?> args) {
    return new Checked.Refused(key, args);
  }

  /** How an assertion check went. */
  public sealed interface Checked {
    /**
     * Passed and recorded.
     *
     * @param owner the key's owner
     * @param name the key's nickname
     * @param userVerified whether the authenticator verified the user (multi-factor capable)
     * @param remember the remember-me choice of the sign-in's start
     */
    record Passed(UserRecord owner, String name, boolean userVerified, boolean remember)
        implements Checked {}

    /** Refused; nothing was written. */
    record Refused(String messageKey, Map<String, ?> args) implements Checked {
      public Refused {
        args = Map.copyOf(args);
      }
    }
  }
}
