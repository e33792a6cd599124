package dev.portcullis.spi;

/**
 * One rendered email, ready for a {@link MailSender}. Bodies may contain links with tokens: a
 * sender must not log them (the development console sender is the one, documented exception).
 *
 * <pre>{@code
 * new MailMessage("no-reply@example.com", "ann@example.com", "Welcome", text, html);
 * }</pre>
 *
 * @param from sender address (may include a display name)
 * @param to recipient address
 * @param subject subject line
 * @param textBody plain-text body, or {@code null}
 * @param htmlBody HTML body, or {@code null}
 */
public record MailMessage(
    String from, String to, String subject, String textBody, String htmlBody) {

  @Override
  public String toString() {
    return "MailMessage[to=" + to + ", subject=" + subject + "]";
  }
}
