package dev.portcullis.impl.totp;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.binary.Base32;

/** Base32 as passlib writes it (RFC 4648, upper case, no padding) and reads it (lenient). */
final class PasslibBase32 {

  private static final Base32 BASE32 = new Base32();

  private PasslibBase32() {}

  static String encode(byte[] bytes) {
    return BASE32.encodeAsString(bytes).replace("=", "");
  }

  /** Case, spaces, dashes and padding ignored; empty when not base32 or nothing is left. */
  static Optional<byte[]> decode(String text) {
    String compact = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
    if (!compact.matches("[A-Z2-7]+")) {
      return Optional.empty();
    }
    byte[] decoded = BASE32.decode(compact);
    return decoded.length == 0 ? Optional.empty() : Optional.of(decoded);
  }
}
