package dev.portcullis.impl.password;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * String encodings used by passlib's hash formats (passlib {@code utils/binary.py}): the "ab64"
 * adapted base64 of the PBKDF2 formats, the unpadded standard base64 of the argon2 PHC format, and
 * the {@code ./0-9A-Za-z} "hash64" salt alphabet of the crypt(3) formats.
 */
final class HashFormats {

  static final String HASH64_ALPHABET =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final Base64.Encoder UNPADDED = Base64.getEncoder().withoutPadding();

  private HashFormats() {}

  /** ab64: standard base64 with {@code .} instead of {@code +} and without padding. */
  static String ab64Encode(byte[] data) {
    return UNPADDED.encodeToString(data).replace('+', '.');
  }

  /** Decodes ab64 (throws {@link IllegalArgumentException} on bad input). */
  static byte[] ab64Decode(String text) {
    if (text.indexOf('+') >= 0) {
      throw new IllegalArgumentException("not ab64");
    }
    return phcDecode(text.replace('.', '+'));
  }

  /** PHC string format base64: standard alphabet, no padding. */
  static String phcEncode(byte[] data) {
    return UNPADDED.encodeToString(data);
  }

  /** Decodes PHC base64 (throws {@link IllegalArgumentException} on bad input). */
  static byte[] phcDecode(String text) {
    if (text.isEmpty() || text.indexOf('=') >= 0) {
      throw new IllegalArgumentException("not unpadded base64");
    }
    return Base64.getDecoder().decode(text);
  }

  /** {@code length} random characters of the hash64 alphabet, for crypt(3) salts. */
  static String hash64Salt(SecureRandom random, int length) {
    StringBuilder salt = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      salt.append(HASH64_ALPHABET.charAt(random.nextInt(HASH64_ALPHABET.length())));
    }
    return salt.toString();
  }

  /** Whether every character of {@code text} is in the hash64 alphabet. */
  static boolean isHash64(String text) {
    return text.chars().allMatch(c -> HASH64_ALPHABET.indexOf(c) >= 0);
  }

  /** Parses a positive decimal number without sign or leading zeros; -1 if it is not one. */
  static int parsePositive(String text) {
    if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0') {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(text);
  }

  /** {@code count} random bytes. */
  static byte[] randomBytes(SecureRandom random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }
}
