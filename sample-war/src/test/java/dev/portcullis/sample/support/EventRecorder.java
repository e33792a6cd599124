package dev.portcullis.sample.support;

import dev.portcullis.event.UserAuthenticated;
import dev.portcullis.event.UserLoggedOut;
import dev.portcullis.event.UserUnauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only observer recording Portcullis' events, synchronous and asynchronous. */
@ApplicationScoped
public class EventRecorder {

  private final List<String> events = new CopyOnWriteArrayList<>();

  void authenticated(@Observes UserAuthenticated e) {
    events.add("sync:authenticated:" + e.user().email() + ":" + e.authnVia());
  }

  void authenticatedAsync(@ObservesAsync UserAuthenticated e) {
    events.add("async:authenticated:" + e.user().email());
  }

  void loggedOut(@Observes UserLoggedOut e) {
    events.add("sync:logged-out:" + e.user().email());
  }

  void loggedOutAsync(@ObservesAsync UserLoggedOut e) {
    events.add("async:logged-out:" + e.user().email());
  }

  void unauthenticated(@Observes UserUnauthenticated e) {
    events.add("sync:unauthenticated:" + e.path());
  }

  void tfConfirmed(@Observes dev.portcullis.event.TwoFactorCodeConfirmed e) {
    events.add("sync:tf-confirmed:" + e.user().email() + ":" + e.method());
  }

  void tfChanged(@Observes dev.portcullis.event.TwoFactorProfileChanged e) {
    events.add("sync:tf-changed:" + e.user().email() + ":" + e.method());
  }

  void tfDisabled(@Observes dev.portcullis.event.TwoFactorDisabled e) {
    events.add("sync:tf-disabled:" + e.user().email());
  }

  void lockedOut(@Observes dev.portcullis.event.UserLockedOut e) {
    events.add("sync:locked-out:" + e.user().email() + ":" + e.secret());
  }

  void tfSent(@Observes dev.portcullis.event.TwoFactorTokenSent e) {
    events.add("sync:tf-sent:" + e.user().email() + ":" + e.method() + ":" + e.phoneNumber());
  }

  void codesGenerated(@Observes dev.portcullis.event.RecoveryCodesGenerated e) {
    events.add("sync:codes-generated:" + e.user().email() + ":" + e.count());
  }

  void usSent(@Observes dev.portcullis.event.UsSecurityTokenSent e) {
    events.add(
        "sync:us-sent:"
            + e.user().email()
            + ":"
            + e.method()
            + ":"
            + e.phoneNumber()
            + ":"
            + e.magicLink());
  }

  void usChanged(@Observes dev.portcullis.event.UsProfileChanged e) {
    events.add("sync:us-changed:" + e.user().email() + ":" + e.methods() + ":" + e.delete());
  }

  void wanRegistered(@Observes dev.portcullis.event.WanRegistered e) {
    events.add("sync:wan-registered:" + e.user().email() + ":" + e.name() + ":" + e.usage());
  }

  void wanDeleted(@Observes dev.portcullis.event.WanDeleted e) {
    events.add("sync:wan-deleted:" + e.user().email() + ":" + e.name() + ":" + e.usage());
  }

  void wanCounterRegressed(@Observes dev.portcullis.event.WanCounterRegressed e) {
    events.add(
        "sync:wan-counter-regressed:"
            + e.user().email()
            + ":"
            + e.name()
            + ":"
            + e.storedCount()
            + ":"
            + e.receivedCount());
  }

  void codeUsed(@Observes dev.portcullis.event.RecoveryCodeUsed e) {
    events.add("sync:code-used:" + e.user().email() + ":" + e.remaining());
  }

  public List<String> events() {
    return List.copyOf(events);
  }
}
