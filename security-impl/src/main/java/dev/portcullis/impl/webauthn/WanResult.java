package dev.portcullis.impl.webauthn;

import jakarta.json.JsonObject;
import java.util.Map;

/** What a WebAuthn service call answers: options to pass to the browser, or a refusal. */
public sealed interface WanResult {

  /**
   * The ceremony started.
   *
   * @param options the options JSON for {@code navigator.credentials}
   * @param state the signed state the response must come back with
   */
  record Started(JsonObject options, String state) implements WanResult {}

  /**
   * Refused; nothing was written.
   *
   * @param status the JSON status (400, or 404 where the feature's rules hide the endpoint)
   * @param field the form field the message belongs to, or {@code null} for a general error
   * @param messageKey the message
   * @param args its placeholders
   */
  record Refused(int status, String field, String messageKey, Map<String, ?> args)
      implements WanResult {
    public Refused {
      args = Map.copyOf(args);
    }

    /** A 400 about a field, or a general one when {@code field} is null. */
    public static Refused of(String field, String messageKey, Map<String, ?> args) {
      return new Refused(400, field, messageKey, args);
    }
  }
}
