package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.persistence.SharedTestDatabases;
import dev.portcullis.spi.MailMessage;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The outbox when a node is killed in the middle of sending (issue 10): the real {@link MailWorker}
 * runs in a child JVM ({@link OutboxWorkerProcess}) against PostgreSQL and an SMTP server that
 * takes a message and then holds the sender ({@link StallingSmtp}); the child is killed with {@code
 * destroyForcibly} (SIGKILL: no shutdown hook, no rollback by the JVM), then another worker, whose
 * clock is past the claim lease, finishes. Each mail must arrive at least once and at most twice.
 * Database matrix only (PostgreSQL on 127.0.0.1).
 */
@EnabledIf(
    value = "dev.portcullis.impl.persistence.SharedTestDatabases#matrixEnabled",
    disabledReason =
        "database matrix off: -Dportcullis.db.matrix=true or PORTCULLIS_DB_MATRIX=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxKillTest {

  static final String SCHEMA = "portcullis_outbox_kill";
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA;
  static final long AFTER_LEASE = OutboxRepository.CLAIM_LEASE.toMinutes() + 1;

  private DataSource dataSource;
  private EntityManagerFactory emf;
  private StallingSmtp smtp;
  private final List<Process> children = new ArrayList<>();

  @BeforeAll
  void migrate() throws SQLException {
    SharedTestDatabases.Schema schema =
        SharedTestDatabases.migrated(SharedTestDatabases.Kind.POSTGRESQL, SCHEMA);
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
  void empty() throws SQLException {
    execute("DELETE FROM fs_mail_outbox");
  }

  @AfterEach
  void stop() throws IOException {
    children.forEach(Process::destroyForcibly);
    children.clear();
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void sweepWhenNodeKilledMidSendThenEveryMailArrivesOnceOrTwice() throws Exception {
    smtp = new StallingSmtp(2);
    ResourceLocalOutbox outbox = outbox(Clock.systemUTC());
    long ann = outbox.add(message("ann@example.com"));
    long bob = outbox.add(message("bob@example.com"));
    long cy = outbox.add(message("cy@example.com"));

    Process node = startNode(0);
    await(() -> smtp.received().size() == 2, "the first node to be inside its second send");
    node.destroyForcibly().waitFor();

    assertThat(smtp.received()).containsExactly("ann@example.com", "bob@example.com");
    assertThat(column(bob, "sent_at")).as("bob's delivery was never recorded").isNull();
    assertThat(column(bob, "claimed_until")).isNotNull();
    smtp.stallNever();
    MailWorker survivor =
        OutboxWorkerProcess.worker(emf, Clock.offset(Clock.systemUTC(), lease()), smtp.port());
    survivor.sweep();

    for (String to : List.of("ann@example.com", "bob@example.com", "cy@example.com")) {
      assertThat(smtp.count(to)).as(to).isBetween(1L, 2L);
    }
    assertThat(smtp.count("bob@example.com")).as("the unconfirmed one again").isEqualTo(2);
    for (long id : List.of(ann, bob, cy)) {
      assertThat(column(id, "sent_at")).as("mail %d", id).isNotNull();
    }
    assertThat(column(bob, "unconfirmed")).isEqualTo("1");
  }

  @Test
  void sweepWhenTwoNodesKilledHoldingTheSameMailThenNeverSentAThirdTime() throws Exception {
    smtp = new StallingSmtp(1);
    long dan = outbox(Clock.systemUTC()).add(message("dan@example.com"));

    Process first = startNode(0);
    await(() -> smtp.received().size() == 1, "the first node to be inside its send");
    first.destroyForcibly().waitFor();
    Process second = startNode(AFTER_LEASE);
    await(() -> smtp.received().size() == 2, "the second node to be inside its send");
    second.destroyForcibly().waitFor();
    smtp.stallNever();
    MailWorker third =
        OutboxWorkerProcess.worker(
            emf, Clock.offset(Clock.systemUTC(), lease().multipliedBy(2)), smtp.port());
    third.sweep();
    third.sweep();

    assertThat(smtp.count("dan@example.com")).isEqualTo(2);
    assertThat(column(dan, "failed_at")).as("given up, not sent a third time").isNotNull();
    assertThat(column(dan, "last_error")).isEqualTo(OutboxRepository.UNCONFIRMED_TWICE);
    assertThat(column(dan, "text_body")).isNull();
    assertThat(column(dan, "html_body")).isNull();
  }

  private static Duration lease() {
    return Duration.ofMinutes(AFTER_LEASE);
  }

  private ResourceLocalOutbox outbox(Clock clock) {
    return new ResourceLocalOutbox(emf, clock, OutboxWorkerProcess.config(smtp.port()));
  }

  /** A node in a JVM of its own, its clock {@code minutesAhead} ahead. */
  private Process startNode(long minutesAhead) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                OutboxWorkerProcess.class.getName(),
                URL,
                String.valueOf(smtp.port()),
                String.valueOf(minutesAhead))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(new File("target/outbox-kill-node.log")))
            .start();
    children.add(process);
    return process;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private static MailMessage message(String to) {
    return new MailMessage(
        "Portcullis <no-reply@localhost>", to, "Subject", "text body", "<p>html</p>");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private String column(long id, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + name + " FROM fs_mail_outbox WHERE id = " + id)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
