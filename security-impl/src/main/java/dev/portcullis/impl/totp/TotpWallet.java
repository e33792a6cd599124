package dev.portcullis.impl.totp;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a TOTP key is stored ({@code tf_totp_secret}, each value of {@code us_totp_secrets}, the
 * secret inside setup state): passlib's {@code TOTP.to_json(encrypt=True)} under the application
 * wallet {@code security.totp_secrets} (Flask's {@code TOTP_SECRETS}), so keys written by
 * Flask-Security and by Portcullis are read by both.
 *
 * <p>The stored text is {@code {"enckey":{"c":14,"k":"..","s":"..","t":"<tag>","v":1},
 * "type":"totp","v":1}}: {@code k} is the key encrypted with AES-256-CTR under a key and counter
 * block derived by PBKDF2-HMAC-SHA256 from the tag's wallet secret and the salt {@code s} with
 * 2<sup>c</sup> iterations (passlib's {@code AppWallet.encrypt_key}). New keys are encrypted under
 * the newest tag (the largest: numerically when all tags are digits); every tag still in the wallet
 * decrypts, which is how secrets are rotated. Reading also accepts passlib's unencrypted form
 * {@code {"key":"..","type":"totp","v":1}} and an {@code otpauth://} URI, as {@code
 * TOTP.from_source} does.
 */
public final class TotpWallet {

  /** passlib's default cost: 2^14 PBKDF2 iterations. */
  public static final int DEFAULT_COST = 14;

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final int SALT_BYTES = 12;
  private static final int MAX_COST = 24;
  private static final int MAX_STORED_LENGTH = 4096;

  private final Map<String, String> secrets;
  private final String newestTag;
  private final int cost;
  private final SecureRandom random;

  /**
   * A wallet of {@code tag -> secret}; secrets are used as their UTF-8 bytes, as passlib does.
   *
   * @throws IllegalArgumentException when empty, or a tag or secret is unusable
   */
  public TotpWallet(Map<String, String> secrets, int cost, SecureRandom random) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("security.totp_secrets needs at least one tag=secret");
    }
    secrets.forEach(
        (tag, secret) -> {
          if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("security.totp_secrets: invalid tag '" + tag + "'");
          }
          if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("security.totp_secrets: empty secret for " + tag);
          }
        });
    if (cost < 1 || cost > MAX_COST) {
      throw new IllegalArgumentException("TOTP wallet cost out of range: " + cost);
    }
    this.secrets = Map.copyOf(secrets);
    this.newestTag = newest(secrets.keySet());
    this.cost = cost;
    this.random = random;
  }

  /** passlib's default tag: the largest, numerically when every tag is a number. */
  private static String newest(Set<String> tags) {
    boolean numeric = tags.stream().allMatch(tag -> tag.matches("[0-9]+"));
    Comparator<String> order =
        numeric ? Comparator.comparing(BigInteger::new) : Comparator.<String>naturalOrder();
    return tags.stream().max(order).orElseThrow();
  }

  /** The stored form of a key, encrypted under the newest tag. */
  public String encrypt(TotpKey key) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] encrypted = aesCtr(key.bytes(), secrets.get(newestTag), salt, cost);
    return "{\"enckey\":{\"c\":"
        + cost
        + ",\"k\":\""
        + PasslibBase32.encode(encrypted)
        + "\",\"s\":\""
        + PasslibBase32.encode(salt)
        + "\",\"t\":\""
        + newestTag
        + "\",\"v\":1},\"type\":\"totp\",\"v\":1}";
  }

  /**
   * The key of a stored value: passlib's encrypted or plain JSON, or an {@code otpauth://} URI.
   * Empty when the value is malformed, uses a tag no longer in the wallet, or is not a 30-second,
   * six-digit SHA-1 TOTP (the only kind Flask-Security writes).
   */
  public Optional<TotpKey> decrypt(String stored) {
    if (stored == null || stored.isBlank() || stored.length() > MAX_STORED_LENGTH) {
      return Optional.empty();
    }
    String text = stored.strip();
    if (text.startsWith("otpauth://")) {
      return OtpAuthUri.parse(text).map(OtpAuthUri::key);
    }
    return parseObject(text).flatMap(this::keyOf);
  }

  private Optional<TotpKey> keyOf(JsonObject json) {
    if (!"totp".equals(string(json, "type")) || !isOne(json.get("v"))) {
      return Optional.empty();
    }
    if (!standardParameters(json)) {
      return Optional.empty();
    }
    if (json.get("key") instanceof JsonString plain) {
      return TotpKey.fromBase32(plain.getString());
    }
    if (!(json.get("enckey") instanceof JsonObject enc) || !isOne(enc.get("v"))) {
      return Optional.empty();
    }
    String secret = secrets.get(string(enc, "t"));
    Optional<byte[]> encrypted = PasslibBase32.decode(nullToEmpty(string(enc, "k")));
    Optional<byte[]> salt = PasslibBase32.decode(nullToEmpty(string(enc, "s")));
    if (secret == null
        || encrypted.isEmpty()
        || salt.isEmpty()
        || !(enc.get("c") instanceof JsonNumber c)
        || !c.isIntegral()
        || c.intValue() < 1
        || c.intValue() > MAX_COST) {
      return Optional.empty();
    }
    return Optional.of(TotpKey.of(aesCtr(encrypted.get(), secret, salt.get(), c.intValue())));
  }

  /** passlib omits digits, period and alg when they are the defaults; other values we refuse. */
  private static boolean standardParameters(JsonObject json) {
    return isAbsentOr(json.get("digits"), OneTimeCodes.DIGITS)
        && isAbsentOr(json.get("period"), OneTimeCodes.STEP_SECONDS)
        && (json.get("alg") == null || "sha1".equals(string(json, "alg")));
  }

  /** AES-256-CTR with key and initial counter block from PBKDF2-HMAC-SHA256 (48 bytes). */
  private static byte[] aesCtr(byte[] value, String secret, byte[] salt, int cost) {
    try {
      byte[] keyIv = pbkdf2(secret, salt, 1 << cost);
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keyIv, 0, 32, "AES"),
          new IvParameterSpec(keyIv, 32, 16));
      return cipher.doFinal(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR or PBKDF2 unavailable in this JVM", e);
    }
  }

  /**
   * PBKDF2 over the secret's UTF-8 bytes, as passlib: the JDK's PBEKeySpec encodes its characters
   * as UTF-8.
   */
  private static byte[] pbkdf2(String secret, byte[] salt, int iterations)
      throws GeneralSecurityException {
    char[] password = secret.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 48 * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } finally {
      spec.clearPassword();
      Arrays.fill(password, '\0');
    }
  }

  private static Optional<JsonObject> parseObject(String text) {
    try (JsonReader reader = Jsons.reader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static String string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static boolean isOne(JsonValue value) {
    return value instanceof JsonNumber n && n.isIntegral() && n.longValue() == 1;
  }

  private static boolean isAbsentOr(JsonValue value, int expected) {
    return value == null
        || (value instanceof JsonNumber n && n.isIntegral() && n.longValue() == expected);
  }
}
