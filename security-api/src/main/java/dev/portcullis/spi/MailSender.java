package dev.portcullis.spi;

/**
 * Delivers rendered emails (the transport behind Flask-Security's {@code MailUtil.send_mail}).
 * Portcullis never calls it inside a request: messages wait in a persistent outbox and are handed
 * to the sender by a background worker, which retries failed deliveries later. The default sends
 * through Jakarta Mail to {@code mail.server} (or a container mail session), or prints to the log
 * with {@code mail.backend=console}.
 *
 * <pre>{@code
 * @Alternative @Priority(100) @ApplicationScoped
 * public class ApiMailSender implements MailSender {
 *   public Delivery send(MailMessage m) { return api.post(m) ? Delivery.SENT : Delivery.failed("HTTP 503"); }
 * }
 * }</pre>
 */
public interface MailSender {

  /** Tries to deliver one message; failures are results, not exceptions. */
  Delivery send(MailMessage message);
}
