package dev.portcullis.impl.spi;

import dev.portcullis.SecurityUser;
import dev.portcullis.spi.UserPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The default {@link UserPayload}: {@code {}}, as Flask-Security's {@code get_security_payload}.
 */
@ApplicationScoped
public class EmptyUserPayload implements UserPayload {

  @Override
  public JsonObject payload(SecurityUser user) {
    return JsonValue.EMPTY_JSON_OBJECT;
  }
}
