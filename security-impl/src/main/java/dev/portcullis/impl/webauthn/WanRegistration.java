package dev.portcullis.impl.webauthn;

import dev.portcullis.event.WanDeleted;
import dev.portcullis.event.WanRegistered;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.spi.UserRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Registering and deleting keys (Flask-Security {@code webauthn.wan_register}, {@code
 * wan_register_response}, {@code wan_delete}; spec §1.2 #24, #25, #28, §7.6; WebAuthn L3 §7.1). The
 * caller is signed in and fresh (the resources check); a key is stored only after its attestation
 * verified against the state's challenge, the configured RP id and origins, its name is still free
 * for the user, its credential id unused by anyone, and its challenge unanswered.
 */
public class WanRegistration {

  private static final Logger LOG = Logger.getLogger(WanRegistration.class.getName());
  static final int MAX_NAME = 64;

  private final WebAuthnConfig config;
  private final WanStates states;
  private final WebAuthnStore store;
  private final RelyingParty relyingParty;
  private final EventPublisher events;
  private final Clock clock;

  public WanRegistration(
      WebAuthnConfig config,
      WanStates states,
      WebAuthnStore store,
      RelyingParty relyingParty,
      EventPublisher events,
      Clock clock) {
    this.config = config;
    this.states = states;
    this.store = store;
    this.relyingParty = relyingParty;
    this.events = events;
    this.clock = clock;
  }

  /** The user's keys. */
  public List<WebAuthnCredential> credentials(UserRecord user) {
    return store.credentialsOf(user.id());
  }

  /**
   * Creation options for a key named {@code name} with {@code usage} ({@code secondary} by default
   * and whenever keys may not be a first factor).
   */
  public WanResult start(
      UserRecord user,
      Optional<String> name,
      Optional<String> usage,
      RelyingPartyIdentity.Resolved rp) {
    if (name.isEmpty() || name.get().isBlank()) {
      return WanResult.Refused.of("name", "WEBAUTHN_NAME_REQUIRED", Map.of());
    }
    String nickname = name.get().strip();
    if (nickname.length() > MAX_NAME) {
      return WanResult.Refused.of("name", "FIELD_TOO_LONG", Map.of());
    }
    if (usage.isPresent()
        && !usage.get().equals(WebAuthnConfig.FIRST)
        && !usage.get().equals(WebAuthnConfig.SECONDARY)) {
      return WanResult.Refused.of("usage", "FIELD_NOT_A_CHOICE", Map.of());
    }
    List<WebAuthnCredential> existing = store.credentialsOf(user.id());
    if (existing.stream().anyMatch(c -> c.name().equals(nickname))) {
      return WanResult.Refused.of("name", "WEBAUTHN_NAME_INUSE", Map.of("name", nickname));
    }
    String chosen =
        config.allowAsFirstFactor()
            ? usage.orElse(WebAuthnConfig.SECONDARY)
            : WebAuthnConfig.SECONDARY;
    String handle = user.fsWebauthnUserHandle() != null ? user.fsWebauthnUserHandle() : newHandle();
    WanState state =
        new WanState(
            WanState.Ceremony.REGISTER,
            states.newChallenge(),
            false,
            Optional.of(user.fsUniquifier()),
            Optional.of(nickname),
            Optional.of(chosen),
            Optional.of(handle),
            false,
            clock.instant());
    return new WanResult.Started(
        WanOptions.creation(rp, config, handle, userName(user), state, existing),
        states.sign(state));
  }

  /** Verifies the browser's {@code credential} for {@code stateToken} and stores the key. */
  public Finished finish(
      UserRecord user,
      String stateToken,
      Optional<String> credentialJson,
      RelyingPartyIdentity.Resolved rp) {
    WanStates.Read read = states.read(stateToken, WanState.Ceremony.REGISTER, Optional.of(user));
    if (read instanceof WanStates.Read.Expired expired) {
      return refused("WEBAUTHN_EXPIRED", Map.of("within", expired.within()));
    }
    if (!(read instanceof WanStates.Read.Valid valid) || credentialJson.isEmpty()) {
      return refused("API_ERROR", Map.of());
    }
    WanState state = valid.state();
    String name = state.name().orElseThrow();
    if (store.credentialsOf(user.id()).stream().anyMatch(c -> c.name().equals(name))) {
      return refused("WEBAUTHN_NAME_INUSE", Map.of("name", name));
    }
    RegistrationOutcome outcome =
        relyingParty.verifyRegistration(
            credentialJson.get(),
            new Expectations(
                rp.rpId(), rp.origins(), state.challengeBytes(), state.userVerification()));
    if (outcome instanceof RegistrationOutcome.Refused refusal) {
      return refused(refusal.messageKey(), Map.of("cause", refusal.cause()));
    }
    NewCredential credential =
        new NewCredential(
            (RegistrationOutcome.Verified) outcome,
            name,
            state.usage().orElseThrow(),
            state.userHandle().orElseThrow(),
            clock.instant());
    WebAuthnStore.Registration stored = store(user, credential, state);
    return switch (stored) {
      case STORED -> {
        events.publish(new WanRegistered(user.toSecurityUser(), name, credential.usage()));
        yield new Finished.Registered(name);
      }
      case NAME_IN_USE -> refused("WEBAUTHN_NAME_INUSE", Map.of("name", name));
      case CREDENTIAL_ID_IN_USE -> refused("WEBAUTHN_CREDENTIAL_ID_INUSE", Map.of());
      case CHALLENGE_USED ->
          refused("WEBAUTHN_NO_VERIFY", Map.of("cause", "the challenge was answered already"));
      case USER_CHANGED -> refused("API_ERROR", Map.of());
    };
  }

  /** Deletes the user's key named {@code name} (the event first, as Flask's signal). */
  public Finished delete(UserRecord user, Optional<String> name) {
    if (name.isEmpty() || name.get().isBlank()) {
      return refused("WEBAUTHN_NAME_REQUIRED", Map.of());
    }
    String nickname = name.get().strip();
    Optional<WebAuthnCredential> key =
        store.credentialsOf(user.id()).stream().filter(c -> c.name().equals(nickname)).findFirst();
    if (key.isEmpty() || !store.delete(user.id(), nickname)) {
      return refused("WEBAUTHN_NAME_NOT_FOUND", Map.of("name", nickname));
    }
    events.publish(new WanDeleted(user.toSecurityUser(), nickname, key.get().usage()));
    return new Finished.Deleted(nickname);
  }

  /** How finishing or deleting went. */
  public sealed interface Finished {
    /** Stored. */
    record Registered(String name) implements Finished {}

    /** Deleted. */
    record Deleted(String name) implements Finished {}

    /** Refused; nothing was written. */
    record Refused(String messageKey, Map<String, ?> args) implements Finished {
      public Refused {
        args = Map.copyOf(args);
      }
    }
  }

  /**
   * A concurrent registration of the same credential id by another user meets the unique
   * constraint: refused like any id in use.
   */
  private WebAuthnStore.Registration store(UserRecord user, NewCredential credential, WanState s) {
    try {
      return store.register(user.id(), credential, s.used());
    } catch (RuntimeException raced) {
      if (store.find(credential.verified().credentialId()).isPresent()) {
        return WebAuthnStore.Registration.CREDENTIAL_ID_IN_USE;
      }
      LOG.warning(() -> "WebAuthn registration not stored: " + raced.getClass().getName());
      throw raced;
    }
  }

  private static Finished refused(String key, Map<String, ?> args) {
    return new Finished.Refused(key, args);
  }

  /** Flask's {@code uuid4().hex}: set on the user when the first key is stored. */
  private static String newHandle() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Flask's {@code calc_username}: the username when there is one, else the email. */
  static String userName(UserRecord user) {
    return user.username() != null && !user.username().isBlank() ? user.username() : user.email();
  }
}
