package dev.portcullis.impl.totp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The shared secret of one authenticator (or of one code channel): the raw key bytes, shown to
 * people and apps in base32 as passlib does (upper case, no padding).
 *
 * <p>Never logged: {@link #toString()} hides the key.
 */
public final class TotpKey {

  /** passlib's size for new keys: 20 bytes, the SHA-1 block RFC 4226 recommends. */
  static final int NEW_KEY_BYTES = 20;

  private final byte[] bytes;

  private TotpKey(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** A new random key. */
  public static TotpKey generate(SecureRandom random) {
    byte[] bytes = new byte[NEW_KEY_BYTES];
    random.nextBytes(bytes);
    return new TotpKey(bytes);
  }

  /** The key of these bytes. */
  public static TotpKey of(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty TOTP key");
    }
    return new TotpKey(bytes);
  }

  /**
   * The key written in base32, as apps and passlib print it: case, spaces, dashes and padding are
   * ignored; empty when it is not base32.
   */
  public static Optional<TotpKey> fromBase32(String text) {
    return PasslibBase32.decode(text).map(TotpKey::new);
  }

  /** A copy of the raw key. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Upper-case base32 without padding, as passlib's {@code base32_key}. */
  public String base32() {
    return PasslibBase32.encode(bytes);
  }

  /**
   * The base32 key in blocks of four joined by {@code -}, as Flask-Security shows it for typing
   * into an app ({@code tf_authr_key}).
   */
  public String grouped() {
    String key = base32();
    StringBuilder out = new StringBuilder(key.length() + key.length() / 4);
    for (int i = 0; i < key.length(); i += 4) {
      if (i > 0) {
        out.append('-');
      }
      out.append(key, i, Math.min(i + 4, key.length()));
    }
    return out.toString();
  }

  /** Constant-time: keys are secrets. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TotpKey key && MessageDigest.isEqual(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "TotpKey[hidden]";
  }
}
