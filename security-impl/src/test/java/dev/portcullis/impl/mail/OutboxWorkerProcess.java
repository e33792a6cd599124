package dev.portcullis.impl.mail;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the outbox in a JVM of its own, for {@code OutboxKillTest} to kill: the real {@link
 * MailWorker} sweeping the outbox of a PostgreSQL schema through {@link ResourceLocalOutbox} and
 * {@link SmtpMailSender}, until it is killed.
 *
 * <p>Arguments: the JDBC URL, the SMTP port, and the minutes to move its clock ahead (a node that
 * comes after a lease expired).
 */
public final class OutboxWorkerProcess {

  private OutboxWorkerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    int smtpPort = Integer.parseInt(args[1]);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(Long.parseLong(args[2])));
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory(
            "portcullis-test",
            Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", ""));
    MailWorker worker = worker(emf, clock, smtpPort);
    System.out.println("worker ready");
    while (true) {
      worker.sweep();
      Thread.sleep(100);
    }
  }

  /** A worker over {@code emf}'s outbox sending to 127.0.0.1:{@code smtpPort}. */
  static MailWorker worker(EntityManagerFactory emf, Clock clock, int smtpPort) {
    MailConfig config = config(smtpPort);
    MailWorker worker = new MailWorker();
    worker.config = config;
    worker.outbox = new ResourceLocalOutbox(emf, clock, config);
    worker.sender = new SmtpMailSender(config, clock);
    return worker;
  }

  /** SMTP without authentication; a read timeout longer than any test waits on a stall. */
  static MailConfig config(int smtpPort) {
    return new MailConfig(
        MailConfig.MailBackend.SMTP,
        "127.0.0.1",
        smtpPort,
        false,
        false,
        Optional.empty(),
        Optional.empty(),
        Duration.ofMinutes(5),
        Optional.empty(),
        "Portcullis <no-reply@localhost>",
        true,
        true,
        Map.of(),
        Duration.ofSeconds(30),
        5,
        Duration.ofDays(3));
  }
}
