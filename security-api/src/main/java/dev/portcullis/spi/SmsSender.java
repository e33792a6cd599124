package dev.portcullis.spi;

/**
 * Sends a text message with a one-time code (Flask-Security's {@code SmsSenderBaseClass}, {@code
 * SMS_SERVICE}). Portcullis chooses the sender with {@code security.sms_service}: {@code http}
 * posts to an SMS provider's REST API, {@code console} prints to the log (development only). An
 * application with another provider supplies its own:
 *
 * <pre>{@code
 * @Alternative @Priority(100) @ApplicationScoped
 * public class GatewaySmsSender implements SmsSender {
 *   public Delivery send(String to, String text) {
 *     return gateway.submit(to, text) ? Delivery.SENT : Delivery.failed("gateway HTTP 503");
 *   }
 * }
 * }</pre>
 */
public interface SmsSender {

  /**
   * Tries to send {@code text} to {@code to} once; failures are results, not exceptions.
   *
   * @param to the number in E.164 form, e.g. {@code +14155550123}
   * @param text the message, holding a code: never log it
   */
  Delivery send(String to, String text);
}
