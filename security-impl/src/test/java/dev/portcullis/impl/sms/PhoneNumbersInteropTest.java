package dev.portcullis.impl.sms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Portcullis accepts and refuses the same typed numbers as Flask-Security's {@code PhoneUtil} and
 * stores the same canonical form, so a {@code us_phone_number} or {@code tf_phone_number} written
 * by either side is found by what the user types on the other. The vectors come from Debian's
 * Flask-Security 5.1.2 with Python's {@code phonenumbers} ({@code
 * phone-fixtures/generate_vectors.py}).
 */
class PhoneNumbersInteropTest {

  @Test
  void canonicalWhenTypedAsFlaskUsersTypeThenSameAcceptanceAndSameE164AsFlaskSecurity()
      throws IOException {
    JsonObject fixtures = fixtures();
    assertThat(fixtures.getJsonArray("vectors")).hasSizeGreaterThan(20);
    for (JsonValue value : fixtures.getJsonArray("vectors")) {
      JsonObject vector = value.asJsonObject();
      String region = vector.getString("region");
      String typed = vector.getString("typed");
      Optional<String> expected =
          vector.isNull("canonical")
              ? Optional.empty()
              : Optional.of(vector.getString("canonical"));
      assertThat(new PhoneNumbers(region).canonical(typed))
          .as("%s typed in %s", typed, region)
          .isEqualTo(expected);
    }
  }

  private static JsonObject fixtures() throws IOException {
    try (InputStream in =
            PhoneNumbersInteropTest.class.getResourceAsStream("/phone-fixtures/vectors.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }
}
