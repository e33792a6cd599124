package dev.portcullis.spi;

/**
 * The outcome of one attempt to hand a message to its transport: what a {@link MailSender} or an
 * {@link SmsSender} answers. Failures are results, not exceptions.
 *
 * <pre>{@code
 * return response.ok() ? Delivery.SENT : Delivery.failed("HTTP " + response.status());
 * }</pre>
 */
public sealed interface Delivery {

  /** Delivered. */
  Delivery SENT = new Sent();

  /** A failed attempt with a reason fit for logs (no addressee, no body, no secrets). */
  static Delivery failed(String reason) {
    return new Failed(reason);
  }

  /** The message was handed to the transport. */
  record Sent() implements Delivery {}

  /**
   * The attempt failed and may be retried later.
   *
   * @param reason why, fit for logs
   */
  record Failed(String reason) implements Delivery {}
}
