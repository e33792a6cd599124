package dev.portcullis.impl.authentication;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The two halves of an {@code Authorization: Basic} header (RFC 7617), decoded as UTF-8.
 *
 * @param identity the user-id part (email or username)
 * @param password the password part; never logged
 */
record BasicCredentials(String identity, String password) {

  /** Longest header looked at; real ones are far shorter. */
  private static final int MAX_HEADER_CHARS = 8192;

  /** The credentials of a well-formed Basic header, else empty. */
  static Optional<BasicCredentials> of(String header) {
    if (header == null
        || header.length() > MAX_HEADER_CHARS
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[identity=" + identity + "]";
  }
}
