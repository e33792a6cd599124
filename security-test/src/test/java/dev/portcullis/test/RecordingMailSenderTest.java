package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecordingMailSenderTest {

  private final RecordingMailSender sender = new RecordingMailSender();

  private static MailMessage mail(String to, String text, String html) {
    return new MailMessage("no-reply@example.com", to, "Subject", text, html);
  }

  @Test
  void sendWhenDeliveringThenSentAndRecordedInOrder() {
    MailMessage first = mail("ann@example.com", "one", null);
    MailMessage second = mail("bob@example.com", "two", null);

    assertThat(sender.send(first)).isEqualTo(Delivery.SENT);
    assertThat(sender.send(second)).isEqualTo(Delivery.SENT);

    assertThat(sender.messages()).containsExactly(first, second);
    assertThat(sender.refused()).isEmpty();
  }

  @Test
  void lastToWhenSeveralMailsThenLatestToThatAddressIgnoringCase() {
    sender.send(mail("ann@example.com", "old", null));
    sender.send(mail("bob@example.com", "bob's", null));
    sender.send(mail("Ann@Example.com", "new", null));

    assertThat(sender.lastTo("ANN@example.com")).map(MailMessage::textBody).contains("new");
    assertThat(sender.messagesTo("ann@example.com")).hasSize(2);
    assertThat(sender.lastTo("carol@example.com")).isEmpty();
  }

  @Test
  void extractFromLastToWhenPatternHasGroupThenGroupElseWholeMatch() {
    sender.send(
        mail(
            "ann@example.com",
            "Reset: https://app.example/api/reset/abc.DEF-123_x\nBye",
            "<a href=\"https://app.example/api/reset/abc.DEF-123_x\">reset</a>"));

    assertThat(sender.extractFromLastTo("ann@example.com", Pattern.compile("/reset/([\\w.-]+)")))
        .contains("abc.DEF-123_x");
    assertThat(sender.extractFromLastTo("ann@example.com", Pattern.compile("reset/\\w+")))
        .contains("reset/abc");
    assertThat(sender.extractFromLastTo("ann@example.com", Pattern.compile("/confirm/(\\w+)")))
        .isEmpty();
    assertThat(sender.extractFromLastTo("bob@example.com", Pattern.compile("."))).isEmpty();
  }

  @Test
  void extractWhenOnlyHtmlBodyThenSearchesItWithAmpersandsDecoded() {
    MailMessage html =
        mail("ann@example.com", null, "<a href=\"https://app.example/x?a=1&amp;b=2\">go</a>");

    assertThat(RecordingMailSender.extract(html, Pattern.compile("b=(\\d)"))).contains("2");
    assertThat(RecordingMailSender.links(html)).containsExactly("https://app.example/x?a=1&b=2");
  }

  @Test
  void linksWhenTextBodyHasLinksThenAllInOrderWithoutDuplicates() {
    MailMessage text =
        mail(
            "ann@example.com",
            "Confirm https://app.example/confirm/t1 or http://app.example/reset"
                + " (again: https://app.example/confirm/t1)",
            null);

    assertThat(RecordingMailSender.links(text))
        .containsExactly("https://app.example/confirm/t1", "http://app.example/reset");
    assertThat(RecordingMailSender.links(mail("a@example.com", "no links", null))).isEmpty();
  }

  @Test
  void sendWhenToldToFailThenFailedWithReasonUntilDeliveringNormally() {
    sender.failWith("SMTP down");

    Delivery delivery = sender.send(mail("ann@example.com", "lost", null));

    assertThat(delivery).isEqualTo(Delivery.failed("SMTP down"));
    assertThat(sender.messages()).isEmpty();
    assertThat(sender.refused()).extracting(MailMessage::textBody).containsExactly("lost");

    sender.deliverNormally();
    assertThat(sender.send(mail("ann@example.com", "kept", null))).isEqualTo(Delivery.SENT);
    assertThat(sender.lastTo("ann@example.com")).map(MailMessage::textBody).contains("kept");
  }

  @Test
  void sendWhenFailNextTwiceThenThirdDelivered() {
    sender.failNext(2, "busy");

    assertThat(sender.send(mail("a@example.com", "1", null))).isInstanceOf(Delivery.Failed.class);
    assertThat(sender.send(mail("a@example.com", "2", null))).isInstanceOf(Delivery.Failed.class);
    assertThat(sender.send(mail("a@example.com", "3", null))).isEqualTo(Delivery.SENT);
    assertThat(sender.refused()).hasSize(2);
    assertThat(sender.messages()).hasSize(1);
  }

  @Test
  void clearWhenCalledThenForgetsEverything() {
    sender.send(mail("a@example.com", "1", null));
    sender.failNext(1, "x");
    sender.send(mail("a@example.com", "2", null));

    sender.clear();

    assertThat(sender.messages()).isEmpty();
    assertThat(sender.refused()).isEmpty();
  }
}
