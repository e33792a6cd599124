package dev.portcullis.spi;

import dev.portcullis.SecurityUser;
import jakarta.json.JsonObject;

/**
 * What the JSON API shows of a user under {@code response.user} (Flask-Security's {@code
 * User.get_security_payload()}). The default shows nothing ({@code {}}), as Flask-Security does;
 * replace it to expose, say, the email.
 *
 * <pre>{@code
 * @Alternative @Priority(100) @ApplicationScoped
 * public class EmailPayload implements UserPayload {
 *   public JsonObject payload(SecurityUser user) {
 *     return Json.createObjectBuilder().add("email", user.email()).build();
 *   }
 * }
 * }</pre>
 */
public interface UserPayload {

  /** The JSON object describing the user; never include secrets. */
  JsonObject payload(SecurityUser user);
}
