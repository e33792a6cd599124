package dev.portcullis.impl.recoverycodes;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.IvParameterSpec;

/**
 * How one recovery code is stored: as it is when no keys are configured, else a Fernet token
 * (Python {@code cryptography}'s {@code MultiFernet}: sealed with the first key, opened with any,
 * so keys rotate by putting the new one first). The one class that uses fernet-java8.
 *
 * <p>{@code security.multi_factor_recovery_code_ttl} bounds a token's age as Fernet's {@code ttl}
 * does; without it age does not matter (fernet-java8 would default to 60 seconds, so the validator
 * here says "forever" explicitly).
 */
public final class RecoveryCodeCipher {

  /** Fernet's version byte (0x80) and IV size. */
  private static final byte FERNET_VERSION = (byte) 0x80;

  private static final int FERNET_IV_BYTES = 16;

  /** Fernet's own clock-skew allowance for tokens stamped in the future. */
  private static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  /** A "forever" that still fits Instant arithmetic. */
  private static final Duration NO_TTL = Duration.ofDays(365L * 1000);

  private final List<Key> keys;
  private final StringValidator validator;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param fernetKeys url-safe base64 Fernet keys, first = the one that seals; empty = plain
   * @param ttl the maximum age of a sealed code, or empty for none
   * @throws IllegalArgumentException when a key is not a Fernet key
   */
  public RecoveryCodeCipher(
      List<String> fernetKeys, Optional<Duration> ttl, Clock clock, SecureRandom random) {
    try {
      this.keys = fernetKeys.stream().map(Key::new).toList();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "security.multi_factor_recovery_codes_keys holds a value that is not a Fernet key");
    }
    this.random = random;
    this.clock = clock;
    TemporalAmount timeToLive = ttl.orElse(NO_TTL);
    this.validator =
        new StringValidator() {
          @Override
          public Clock getClock() {
            return clock;
          }

          @Override
          public TemporalAmount getTimeToLive() {
            return timeToLive;
          }

          @Override
          public TemporalAmount getMaxClockSkew() {
            return MAX_CLOCK_SKEW;
          }
        };
  }

  /** Whether codes are stored encrypted. */
  public boolean encrypts() {
    return !keys.isEmpty();
  }

  /**
   * The stored form of a code. The Fernet timestamp is the injected clock's (fernet-java8's own
   * {@code Token.generate} reads the system clock), so the TTL is measured on one clock.
   */
  public String seal(String code) {
    if (keys.isEmpty()) {
      return code;
    }
    Key key = keys.get(0);
    byte[] iv = new byte[FERNET_IV_BYTES];
    random.nextBytes(iv);
    IvParameterSpec spec = new IvParameterSpec(iv);
    byte[] cipherText = key.encrypt(code.getBytes(StandardCharsets.UTF_8), spec);
    Instant stamp = clock.instant();
    return new StampedToken(
            stamp, spec, cipherText, key.sign(FERNET_VERSION, stamp, spec, cipherText))
        .serialise();
  }

  /** A token stamped with a given time (the library's constructor is protected for this). */
  private static final class StampedToken extends Token {
    StampedToken(Instant stamp, IvParameterSpec iv, byte[] cipherText, byte[] hmac) {
      super(FERNET_VERSION, stamp, iv, cipherText, hmac);
    }
  }

  /**
   * The code a stored value holds; empty when it cannot be opened with any key, has been tampered
   * with or is older than the TTL (Flask-Security skips such entries silently).
   */
  public Optional<String> open(String stored) {
    if (keys.isEmpty()) {
      return Optional.of(stored);
    }
    try {
      return Optional.of(Token.fromString(stored).validateAndDecrypt(keys, validator));
    } catch (RuntimeException e) {
      // fernet-java8 signals every bad token (format, signature, age) with runtime exceptions.
      return Optional.empty();
    }
  }
}
