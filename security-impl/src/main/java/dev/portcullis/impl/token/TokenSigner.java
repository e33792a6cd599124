package dev.portcullis.impl.token;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies JSON payloads in the format of itsdangerous 2.x {@code URLSafeTimedSerializer}
 * with its defaults (key derivation "django-concat", HMAC-SHA1), which is what every Flask-Security
 * token uses ({@code flask_security/core.py: _get_serializer}); see the behaviour spec §5.1. Tokens
 * look like {@code [.]<payload>.<timestamp>.<signature>}.
 *
 * <p>The format is reimplemented here; the primitives (SHA-1, HMAC, zlib, base64) are the JDK's.
 * Verification never throws on bad input: anything that is not a well-formed token signed with this
 * key and salt is {@link TokenCheck.Invalid}. Input is bounded (token length, inflated size, JSON
 * nesting) so hostile tokens cannot cost more than a few kilobytes of work.
 *
 * <p>Thread-safe; the {@link Clock} decides the signing time and every expiry.
 */
public final class TokenSigner {

  /** Longest token we look at; Flask-Security's largest real tokens are well under 2 KiB. */
  public static final int MAX_TOKEN_LENGTH = 8 * 1024;

  /** Largest payload we inflate a compressed token to (zip-bomb guard). */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private static final byte[] SIGNER = "signer".getBytes(StandardCharsets.US_ASCII);

  private final byte[] secret;

  /** Derived signing keys by salt: deriving costs a SHA-1 per token otherwise. */
  private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

  private final Clock clock;

  /**
   * @param secretKey Flask's {@code SECRET_KEY} (encoded as UTF-8, as itsdangerous does)
   * @param clock decides signing times and expiry
   * @throws IllegalArgumentException if the key is empty (a configuration error)
   */
  public TokenSigner(String secretKey, Clock clock) {
    Objects.requireNonNull(secretKey, "secretKey");
    if (secretKey.isEmpty()) {
      throw new IllegalArgumentException("security.secret_key must be set to a non-empty value");
    }
    this.secret = secretKey.getBytes(StandardCharsets.UTF_8);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Signs {@code payload} at the clock's current second.
   *
   * @throws IllegalArgumentException if the token would exceed {@link #MAX_TOKEN_LENGTH} (a bug: we
   *     would never accept it back)
   */
  public String sign(String salt, JsonValue payload) {
    Objects.requireNonNull(salt, "salt");
    String value = encodePayload(CompactJson.write(payload)) + "." + encodeTimestamp(now());
    String token = value + "." + signature(salt, value);
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new IllegalArgumentException("Payload too large for a token: " + token.length());
    }
    return token;
  }

  /**
   * Verifies a token signed with {@code salt}.
   *
   * @param maxAge maximum age, or {@code null} for no time check at all (itsdangerous's {@code
   *     max_age=None}: then neither age nor a future timestamp is checked)
   * @return {@link TokenCheck.Valid}, {@link TokenCheck.Expired} (signature good but older than
   *     {@code maxAge}, or signed in the future) or {@link TokenCheck.Invalid}
   */
  public TokenCheck verify(String salt, String token, Duration maxAge) {
    Objects.requireNonNull(salt, "salt");
    if (token == null || token.length() > MAX_TOKEN_LENGTH || !isTokenAlphabet(token)) {
      return TokenCheck.INVALID;
    }
    int sigDot = token.lastIndexOf('.');
    if (sigDot < 0) {
      return TokenCheck.INVALID;
    }
    String value = token.substring(0, sigDot);
    if (!signatureMatches(salt, value, token.substring(sigDot + 1))) {
      return TokenCheck.INVALID;
    }
    int tsDot = value.lastIndexOf('.');
    if (tsDot < 0) {
      return TokenCheck.INVALID;
    }
    Optional<Long> issued = decodeTimestamp(value.substring(tsDot + 1));
    Optional<JsonValue> payload = decodePayload(value.substring(0, tsDot));
    if (issued.isEmpty() || payload.isEmpty()) {
      return TokenCheck.INVALID;
    }
    if (maxAge != null && isExpired(issued.get(), maxAge)) {
      return new TokenCheck.Expired(payload.get());
    }
    return new TokenCheck.Valid(payload.get(), Instant.ofEpochSecond(issued.get()));
  }

  private boolean isExpired(long issuedAt, Duration maxAge) {
    long age = now() - issuedAt; // both are non-negative longs: cannot overflow
    return age < 0 || Duration.ofSeconds(age).compareTo(maxAge) > 0;
  }

  private long now() {
    long seconds = clock.instant().getEpochSecond(); // int(time.time()) for non-negative times
    if (seconds < 0) {
      throw new IllegalStateException("Clock is before 1970: " + clock.instant());
    }
    return seconds;
  }

  /** Base64url alphabet plus '.': anything else cannot be one of our tokens. */
  private static boolean isTokenAlphabet(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Constant-time compare of the encoded signatures, so timing reveals no prefix of the MAC. */
  private boolean signatureMatches(String salt, String value, String presentedSignature) {
    byte[] expected = signature(salt, value).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = presentedSignature.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented);
  }

  /** HMAC-SHA1 keyed with SHA1(salt + "signer" + secret): itsdangerous's "django-concat". */
  private String signature(String salt, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(keys.computeIfAbsent(salt, this::deriveKey));
      return UrlBase64.encode(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks HmacSHA1", e);
    }
  }

  private SecretKeySpec deriveKey(String salt) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(salt.getBytes(StandardCharsets.UTF_8));
      sha1.update(SIGNER);
      return new SecretKeySpec(sha1.digest(secret), "HmacSHA1");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks SHA-1", e);
    }
  }

  /** Compresses only when that saves more than one byte (the '.' marker costs one). */
  private static String encodePayload(byte[] json) {
    byte[] compressed = Zlib.compress(json);
    if (compressed.length < json.length - 1) {
      return "." + UrlBase64.encode(compressed);
    }
    return UrlBase64.encode(json);
  }

  private static Optional<JsonValue> decodePayload(String text) {
    boolean compressed = text.startsWith(".");
    Optional<byte[]> data = UrlBase64.decode(compressed ? text.substring(1) : text);
    if (compressed) {
      data = data.flatMap(z -> Zlib.inflate(z, MAX_PAYLOAD_BYTES));
    }
    return data.filter(json -> json.length <= MAX_PAYLOAD_BYTES).flatMap(CompactJson::read);
  }

  /** Big-endian bytes with leading zero bytes stripped (zero is the empty string). */
  static String encodeTimestamp(long seconds) {
    int skip = Long.numberOfLeadingZeros(seconds) / 8;
    byte[] bytes = new byte[8 - skip];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seconds >>> (8 * (bytes.length - 1 - i)));
    }
    return UrlBase64.encode(bytes);
  }

  /** At most 8 bytes and below 2^63; larger values are treated as malformed. */
  static Optional<Long> decodeTimestamp(String text) {
    Optional<byte[]> bytes = UrlBase64.decode(text);
    if (bytes.isEmpty() || bytes.get().length > 8) {
      return Optional.empty();
    }
    long value = 0;
    for (byte b : bytes.get()) {
      value = (value << 8) | (b & 0xFF);
    }
    return value < 0 ? Optional.empty() : Optional.of(value);
  }
}
