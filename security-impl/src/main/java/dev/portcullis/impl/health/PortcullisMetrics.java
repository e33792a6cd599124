package dev.portcullis.impl.health;

import dev.portcullis.event.UserAuthenticated;
import dev.portcullis.event.UserLockedOut;
import dev.portcullis.impl.mail.MailOutcome;
import dev.portcullis.impl.throttle.SecretCheckFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counters of Portcullis in the application's MicroProfile Metrics registry ({@code /metrics} where
 * the server provides it), fed by observing Portcullis' events rather than by the services:
 *
 * <ul>
 *   <li>{@code portcullis.sign_ins} ({@link UserAuthenticated}), tag {@code method} = how ({@code
 *       password}, {@code email}, {@code webauthn}, ...; {@code two_factor} when the sign-in
 *       completed with its second factor);
 *   <li>{@code portcullis.failed_checks} ({@link SecretCheckFailed}), tag {@code secret} = {@code
 *       password} or {@code code}: wrong passwords and codes;
 *   <li>{@code portcullis.lockouts} ({@link UserLockedOut}), tag {@code secret};
 *   <li>{@code portcullis.mails}, tag {@code outcome} = {@code queued}, {@code sent}, {@code
 *       failed} (an attempt, retried) or {@code given_up} ({@link MailOutcome}).
 * </ul>
 *
 * Counters count on this node since it started; a monitoring system adds the nodes up.
 */
@ApplicationScoped
public class PortcullisMetrics {

  @Inject MetricRegistry registry;

  void signedIn(@Observes UserAuthenticated event) {
    count(
        "portcullis.sign_ins",
        "Successful sign-ins",
        "method",
        event.authnVia().isEmpty() ? "two_factor" : String.join("+", event.authnVia()));
  }

  void failed(@Observes SecretCheckFailed event) {
    count("portcullis.failed_checks", "Wrong passwords and codes", "secret", event.secret());
  }

  void lockedOut(@Observes UserLockedOut event) {
    count("portcullis.lockouts", "Accounts locked out by the throttle", "secret", event.secret());
  }

  void mail(@Observes MailOutcome event) {
    count(
        "portcullis.mails",
        "Mails of the outbox by outcome",
        "outcome",
        event.kind().name().toLowerCase(java.util.Locale.ROOT));
  }

  private void count(String name, String description, String tag, String value) {
    Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
    Counter counter = registry.counter(metadata, new Tag(tag, value));
    counter.inc();
  }
}
