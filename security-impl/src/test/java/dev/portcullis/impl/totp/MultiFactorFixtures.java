package dev.portcullis.impl.totp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors Flask-Security 5.1.2, passlib, pyotp and cryptography wrote ({@code
 * multifactor-fixtures/generate_vectors.py}).
 */
public final class MultiFactorFixtures {

  private MultiFactorFixtures() {}

  /** The whole vectors file. */
  public static JsonObject vectors() {
    try (InputStream in =
            MultiFactorFixtures.class.getResourceAsStream("/multifactor-fixtures/vectors.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The wallet the fixtures were written under. */
  public static Map<String, String> wallet() {
    Map<String, String> wallet = new LinkedHashMap<>();
    vectors().getJsonObject("wallet").forEach((tag, secret) -> wallet.put(tag, json(secret)));
    return wallet;
  }

  /** A wallet over the fixtures' secrets, at passlib's default cost. */
  public static TotpWallet totpWallet() {
    return new TotpWallet(wallet(), TotpWallet.DEFAULT_COST, new SecureRandom());
  }

  private static String json(jakarta.json.JsonValue value) {
    return ((jakarta.json.JsonString) value).getString();
  }
}
