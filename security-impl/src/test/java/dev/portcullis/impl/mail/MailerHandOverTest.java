package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.persistence.SharedTestDatabases;
import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rehearsed mail (a stand-in's, under generic responses) goes through the hand-over to the worker
 * as a sent one does, so a stand-in's request pays for it too (issue 8), and still reaches nobody:
 * the real {@link Mailer} and {@link MailWorker} over the outbox on in-memory H2, the worker's
 * tasks run at once on the calling thread (the one part a container would provide).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailerHandOverTest {

  private final List<MailMessage> delivered = new ArrayList<>();
  private final List<Runnable> handedOver = new ArrayList<>();
  private DataSource dataSource;
  private EntityManagerFactory emf;
  private Mailer mailer;

  @BeforeAll
  void migrate() throws SQLException {
    SharedTestDatabases.Schema schema =
        SharedTestDatabases.migrated(SharedTestDatabases.Kind.H2, "portcullis_handover_test");
    dataSource = schema.dataSource();
    emf = Persistence.createEntityManagerFactory("portcullis-test", schema.jpaProperties());
  }

  @AfterAll
  void close() {
    if (emf != null) {
      emf.close();
    }
  }

  @BeforeEach
  void mailer() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fs_mail_outbox");
    }
    delivered.clear();
    handedOver.clear();
    Config config = MapConfig.valid(Map.of());
    MailConfig mail = new SecurityConfiguration(config).mail();
    MailOutbox outbox = new ResourceLocalOutbox(emf, Clock.systemUTC(), mail);
    MailWorker worker = new MailWorker();
    worker.config = mail;
    worker.outbox = outbox;
    worker.sender =
        message -> {
          delivered.add(message);
          return Delivery.SENT;
        };
    worker.executor = runningAtOnce();
    mailer = new Mailer();
    mailer.config = mail;
    mailer.templates = new MustacheTemplates();
    mailer.texts = new MailTexts(LocaleConfig.english());
    mailer.messages = new Messages(config);
    mailer.outbox = outbox;
    mailer.worker = worker;
  }

  @Test
  void rehearseWhenMailDiscardedThenHandedToWorkerAsASendIsAndNothingDelivered()
      throws SQLException {
    mailer.rehearse(MailTemplate.US_INSTRUCTIONS, "nobody@example.com", context());

    assertThat(handedOver).hasSize(1);
    assertThat(delivered).isEmpty();
    assertThat(outboxRows()).isZero();
  }

  @Test
  void sendWhenQueuedThenHandedToWorkerOnceAndDelivered() throws SQLException {
    mailer.send(MailTemplate.US_INSTRUCTIONS, "ann@example.com", context());

    assertThat(handedOver).hasSize(1);
    assertThat(delivered).extracting(MailMessage::to).containsExactly("ann@example.com");
    assertThat(outboxRows()).isEqualTo(1);
  }

  private static Map<String, Object> context() {
    return Map.of("user", Map.of("email", "ann@example.com"), "code", "123456", "username", "ann");
  }

  private long outboxRows() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM fs_mail_outbox")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs each task handed to {@code execute} at once, recording it; nothing else is used. */
  private ManagedExecutorService runningAtOnce() {
    return (ManagedExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedExecutorService.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("execute")) {
                throw new UnsupportedOperationException(method.getName());
              }
              Runnable task = (Runnable) args[0];
              handedOver.add(task);
              task.run();
              return null;
            });
  }
}
