package dev.portcullis.impl.token;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vectors made by the real Python libraries ({@code token-fixtures/generate_vectors.py}), and
 * an independent re-statement of itsdangerous's signing step for hand-crafted hostile tokens.
 */
final class TokenFixtures {

  static final JsonObject VECTORS = load();
  static final String SECRET = VECTORS.getString("secret");
  static final long TIMESTAMP = 1_700_000_000L;

  private TokenFixtures() {}

  private static JsonObject load() {
    try (InputStream in = TokenFixtures.class.getResourceAsStream("/token-fixtures/vectors.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs an arbitrary already-encoded {@code payload.timestamp} value, as itsdangerous would. */
  static String signRaw(String secret, String salt, String value) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] key = sha1.digest((salt + "signer" + secret).getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] sig = mac.doFinal(value.getBytes(StandardCharsets.US_ASCII));
      return value + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }
}
