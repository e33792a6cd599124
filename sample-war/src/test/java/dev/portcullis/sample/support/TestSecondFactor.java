package dev.portcullis.sample.support;

import dev.portcullis.impl.signin.SecondFactor;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Test-only second factor, "set up" for users whose email starts with {@code tf-}: proves that a
 * second factor plugs into the sign-in pipeline by being a bean, and nothing else.
 */
@ApplicationScoped
public class TestSecondFactor implements SecondFactor {

  @Override
  public String name() {
    return "test";
  }

  @Override
  public boolean isSetUpFor(UserRecord user) {
    return user.email().startsWith("tf-");
  }

  @Override
  public Step begin(UserRecord user, HttpServletRequest request) {
    JsonObject fields =
        Json.createObjectBuilder()
            .add("tf_state", "ready")
            .add("tf_primary_method", "test")
            .add("tf_method", "test")
            .build();
    return new Step.Started(fields, "/index.xhtml");
  }
}
