package dev.portcullis.impl.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** URL-safe base64 without padding, as itsdangerous's {@code base64_encode/base64_decode}. */
final class UrlBase64 {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private UrlBase64() {}

  static String encode(byte[] data) {
    return ENCODER.encodeToString(data);
  }

  /** Decodes unpadded URL-safe base64; empty for anything else (including '=' padding). */
  static Optional<byte[]> decode(String text) {
    if (text.indexOf('=') >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(DECODER.decode(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
