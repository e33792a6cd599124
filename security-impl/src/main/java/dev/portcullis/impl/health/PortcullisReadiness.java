package dev.portcullis.impl.health;

import dev.portcullis.impl.http.FaultConfig;
import dev.portcullis.impl.mail.MailOutbox;
import dev.portcullis.impl.persistence.SchemaStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of Portcullis ({@code /health/ready} where the server provides MicroProfile Health): UP
 * when the database answers, Portcullis' migrations are all applied and at most {@code
 * security.health_outbox_backlog} mails wait in the outbox. The data say which part is down: {@code
 * database} ({@code reachable}/{@code unreachable}), {@code pending_migrations} and {@code
 * outbox_backlog} (left out when the database cannot be asked). No user data, addresses or errors.
 */
@Readiness
@ApplicationScoped
public class PortcullisReadiness implements HealthCheck {

  static final String NAME = "portcullis";
  static final int TIMEOUT_SECONDS = 5;

  @Inject SchemaStartup schema;
  @Inject MailOutbox outbox;
  @Inject FaultConfig config;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME);
    if (!schema.reachable(TIMEOUT_SECONDS)) {
      return answer.down().withData("database", "unreachable").build();
    }
    answer.withData("database", "reachable");
    try {
      int pending = schema.pendingMigrations();
      long backlog = outbox.backlog();
      answer
          .withData("pending_migrations", pending)
          .withData("outbox_backlog", backlog)
          .withData("outbox_backlog_limit", config.outboxBacklog());
      return answer.status(pending == 0 && backlog <= config.outboxBacklog()).build();
    } catch (RuntimeException e) {
      // Reachable a moment ago, failing now: the database went away between the two questions.
      return answer.down().withData("database", "unreachable").build();
    }
  }
}
