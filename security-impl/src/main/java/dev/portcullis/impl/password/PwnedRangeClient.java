package dev.portcullis.impl.password;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Pwned Passwords k-anonymity range API over {@code java.net.http} (Flask-Security {@code
 * utils.pwned}; spec §6.5 step 2): {@code GET <base><first 5 hex digits of SHA-1>}, then the suffix
 * is looked up in the answer. The only class that talks HTTP for the password policy.
 *
 * <p>Only the 5-digit prefix leaves the server, never the password or its full hash (why: the range
 * API's k-anonymity). {@code Add-Padding: true} asks the API to pad the answer with count-0 lines
 * so its size does not reveal the prefix either. Short timeouts (connect and whole exchange) keep a
 * slow API from holding a registration thread; every failure becomes {@link
 * BreachLookup.Unavailable}.
 */
final class PwnedRangeClient implements BreachSource {

  static final String USER_AGENT = "Portcullis";

  private final HttpClient client;
  private final String base;
  private final Duration readTimeout;

  PwnedRangeClient(URI base, Duration connectTimeout, Duration readTimeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.base = base.toString();
    this.readTimeout = readTimeout;
  }

  @Override
  public BreachLookup lookup(String sha1Hex) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + sha1Hex.substring(0, 5)))
            .timeout(readTimeout)
            .header("User-Agent", USER_AGENT)
            .header("Add-Padding", "true")
            .GET()
            .build();
    CompletableFuture<HttpResponse<String>> exchange =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> response = exchange.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response.statusCode() != 200) {
        return new BreachLookup.Unavailable("range API answered HTTP " + response.statusCode());
      }
      return new BreachLookup.Seen(
          RangeLines.count(new StringReader(response.body()), sha1Hex.substring(5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BreachLookup.Unavailable("interrupted");
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return new BreachLookup.Unavailable("range API timed out after " + readTimeout);
    } catch (ExecutionException | IOException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      return new BreachLookup.Unavailable("range API failed: " + cause);
    }
  }
}
