package dev.portcullis.impl.sms;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends through an SMS provider's REST API the way Twilio's Messages resource takes it (Flask-
 * Security's built-in {@code TwilioSmsSender}): {@code POST} to {@code security.sms_http_url} with
 * HTTP Basic {@code account_sid:auth_token} and the form fields {@code To}, {@code From}, {@code
 * Body}; any 2xx is "sent". Several providers accept this shape (Twilio, and gateways that copy
 * it); others need an {@link SmsSender} of the application's own.
 *
 * <p>Neither the number, the text nor the credentials appear in a failure reason: the reason goes
 * to the log.
 */
public final class HttpSmsSender implements SmsSender {

  /**
   * Where and as whom to send.
   *
   * @param url the provider's messages endpoint, e.g. {@code
   *     https://api.twilio.com/2010-04-01/Accounts/<sid>/Messages.json}
   * @param accountSid the account (Basic user name); Flask's {@code ACCOUNT_SID}
   * @param authToken the secret (Basic password); Flask's {@code AUTH_TOKEN}
   * @param from the sender number or name; Flask's {@code PHONE_NUMBER}
   * @param timeout connect and response timeout of one attempt
   */
  public record Settings(
      URI url, String accountSid, String authToken, String from, Duration timeout) {
    @Override
    public String toString() {
      return "Settings[url=" + url + ", accountSid=" + accountSid + ", from=" + from + "]";
    }
  }

  private final Settings settings;
  private final HttpClient client;

  public HttpSmsSender(Settings settings) {
    if (!"https".equals(settings.url().getScheme()) && !"http".equals(settings.url().getScheme())) {
      throw new IllegalArgumentException("security.sms_http_url must be an http(s) URL");
    }
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Delivery send(String to, String text) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", to);
    form.put("From", settings.from());
    form.put("Body", text);
    String credentials = settings.accountSid() + ":" + settings.authToken();
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2
          ? Delivery.SENT
          : Delivery.failed("SMS provider answered HTTP " + status);
    } catch (IOException e) {
      return Delivery.failed("SMS provider unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Delivery.failed("interrupted while sending an SMS");
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
