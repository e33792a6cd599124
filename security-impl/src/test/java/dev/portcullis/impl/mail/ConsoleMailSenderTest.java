package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import org.junit.jupiter.api.Test;

class ConsoleMailSenderTest {

  @Test
  void formatWhenBothBodiesThenWholeMailWithProductionWarning() {
    MailMessage message =
        new MailMessage("no-reply@localhost", "ann@example.com", "Hello", "text link", "<p>x</p>");

    String logged = ConsoleMailSender.format(message);

    assertThat(logged)
        .contains("do not use in production")
        .contains("To: ann@example.com")
        .contains("Subject: Hello")
        .contains("text link")
        .contains("<p>x</p>");
    assertThat(new ConsoleMailSender().send(message)).isEqualTo(Delivery.SENT);
  }
}
