package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real SMTP server (GreenMail) in the test JVM. */
class SmtpMailSenderTest {

  private static final String SECRET = "tok-SECRET-4711";

  private int port;
  private GreenMail greenMail;

  @BeforeEach
  void start() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    greenMail = startGreenMail();
  }

  @AfterEach
  void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  private GreenMail startGreenMail() {
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "s3cret"));
    server.start();
    return server;
  }

  private SmtpMailSender sender(Optional<String> username, Optional<String> password) {
    return new SmtpMailSender(
        config(username, password),
        Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
  }

  private MailConfig config(Optional<String> username, Optional<String> password) {
    return new MailConfig(
        MailConfig.MailBackend.SMTP,
        "127.0.0.1",
        port,
        false,
        false,
        username,
        password,
        Duration.ofSeconds(5),
        Optional.empty(),
        "Portcullis <no-reply@localhost>",
        true,
        true,
        Map.of(),
        Duration.ofSeconds(30),
        5,
        Duration.ofDays(3));
  }

  private static MailMessage message() {
    return new MailMessage(
        "Portcullis <no-reply@localhost>",
        "ann@example.com",
        "Willkommen \u00e9",
        "Open https://app.example.com/confirm/" + SECRET,
        "<p><a href=\"https://app.example.com/confirm/" + SECRET + "\">Confirm</a></p>");
  }

  @Test
  void sendWhenServerUpThenMultipartAlternativeDelivered() throws Exception {
    Delivery delivery = sender(Optional.empty(), Optional.empty()).send(message());

    assertThat(delivery).isEqualTo(Delivery.SENT);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("Willkommen \u00e9");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Portcullis <no-reply@localhost>");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(0).getContent()).contains(SECRET);
  }

  @Test
  void sendWhenOnlyHtmlThenSingleHtmlPart() throws Exception {
    MailMessage html =
        new MailMessage("no-reply@localhost", "ann@example.com", "S", null, "<b>x</b>");

    assertThat(sender(Optional.empty(), Optional.empty()).send(html)).isEqualTo(Delivery.SENT);

    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getContentType()).startsWith("text/html");
    assertThat(GreenMailUtil.getBody(mail)).contains("<b>x</b>");
  }

  @Test
  void sendWhenCredentialsConfiguredThenAuthenticates() {
    greenMail.getUserManager().setAuthRequired(true);

    assertThat(sender(Optional.of("mailer"), Optional.of("s3cret")).send(message()))
        .isEqualTo(Delivery.SENT);
    assertThat(sender(Optional.of("mailer"), Optional.of("wrong")).send(message()))
        .isInstanceOf(Delivery.Failed.class);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void sendWhenServerDownThenFailedWithoutContentAndSentAfterRestart() {
    SmtpMailSender sender = sender(Optional.empty(), Optional.empty());
    greenMail.stop();
    greenMail = null;

    Delivery down = sender.send(message());

    assertThat(down).isInstanceOf(Delivery.Failed.class);
    String reason = ((Delivery.Failed) down).reason();
    assertThat(reason).isNotBlank().doesNotContain(SECRET).doesNotContain("confirm");
    assertThat(reason).contains("Exception");

    greenMail = startGreenMail();
    assertThat(sender.send(message())).isEqualTo(Delivery.SENT);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void sendWhenRecipientInvalidThenFailed() {
    MailMessage bad = new MailMessage("no-reply@localhost", "not an address", "S", "t", null);

    assertThat(sender(Optional.empty(), Optional.empty()).send(bad))
        .isInstanceOf(Delivery.Failed.class);
  }

  @Test
  void propertiesWhenTlsOrSslThenRequiredAndServerIdentityChecked() {
    MailConfig base = config(Optional.empty(), Optional.empty());
    SmtpMailSender tls = new SmtpMailSender(withTls(base, true, false), Clock.systemUTC());
    SmtpMailSender ssl = new SmtpMailSender(withTls(base, false, true), Clock.systemUTC());

    assertThat(tls.properties())
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
    assertThat(ssl.properties())
        .containsEntry("mail.transport.protocol", "smtps")
        .containsEntry("mail.smtps.host", "127.0.0.1")
        .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
  }

  private static MailConfig withTls(MailConfig c, boolean tls, boolean ssl) {
    return new MailConfig(
        c.backend(),
        c.host(),
        c.port(),
        tls,
        ssl,
        c.username(),
        c.password(),
        c.timeout(),
        c.jndiSession(),
        c.sender(),
        c.plaintext(),
        c.html(),
        c.subjects(),
        c.retryInterval(),
        c.maxAttempts(),
        c.failedRetention());
  }
}
