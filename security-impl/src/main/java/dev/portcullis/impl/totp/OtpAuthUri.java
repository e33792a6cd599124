package dev.portcullis.impl.totp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code otpauth://totp/...} URI an authenticator app scans (Google's Key URI Format), written
 * exactly as passlib's {@code TOTP.to_uri} writes it for Flask-Security: {@code
 * otpauth://totp/<issuer>:<label>?secret=<BASE32>&issuer=<issuer>}, the label and issuer
 * percent-encoded as UTF-8 with only letters, digits, {@code _.-~} (and {@code @} in the path) left
 * as they are.
 *
 * @param key the shared key
 * @param label who the key is for (Flask's {@code calc_username()}: username or email)
 * @param issuer the service ({@code security.totp_issuer}), or {@code null}
 */
public record OtpAuthUri(TotpKey key, String label, String issuer) {

  /** The URI text. */
  public String text() {
    String path = quote(label, "@");
    StringBuilder out = new StringBuilder("otpauth://totp/");
    if (issuer != null && !issuer.isEmpty()) {
      out.append(quote(issuer, "@")).append(':');
    }
    out.append(path).append("?secret=").append(key.base32());
    if (issuer != null && !issuer.isEmpty()) {
      out.append("&issuer=").append(quote(issuer, ""));
    }
    return out.toString();
  }

  /**
   * Reads a URI as passlib's {@code TOTP.from_uri} does; empty unless it is a TOTP URI with a
   * base32 secret and the parameters Flask-Security uses (SHA-1, 6 digits, 30 s).
   */
  public static Optional<OtpAuthUri> parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"otpauth".equalsIgnoreCase(uri.getScheme())
        || !"totp".equalsIgnoreCase(uri.getRawAuthority())
        || uri.getRawPath() == null
        || uri.getRawPath().length() < 2) {
      return Optional.empty();
    }
    Map<String, String> params = query(uri.getRawQuery());
    if (params == null || !standardParameters(params)) {
      return Optional.empty();
    }
    String label = decode(uri.getRawPath().substring(1));
    String issuer = params.get("issuer");
    int colon = label.indexOf(':');
    if (colon >= 0) {
      String prefix = label.substring(0, colon);
      if (issuer != null && !issuer.equals(prefix)) {
        return Optional.empty();
      }
      issuer = prefix;
      label = label.substring(colon + 1);
    }
    String finalIssuer = issuer;
    String finalLabel = label.strip();
    return Optional.ofNullable(params.get("secret"))
        .flatMap(TotpKey::fromBase32)
        .map(key -> new OtpAuthUri(key, finalLabel, finalIssuer));
  }

  private static boolean standardParameters(Map<String, String> params) {
    return String.valueOf(OneTimeCodes.DIGITS).equals(params.getOrDefault("digits", "6"))
        && String.valueOf(OneTimeCodes.STEP_SECONDS).equals(params.getOrDefault("period", "30"))
        && "SHA1".equalsIgnoreCase(params.getOrDefault("algorithm", "SHA1"));
  }

  /** Query parameters, or {@code null} when one repeats (passlib refuses duplicates). */
  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (params.put(name, value) != null) {
        return null;
      }
    }
    return params;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** Python's {@code urllib.parse.quote(text, safe)}: UTF-8, upper-case hex. */
  private static String quote(String text, String safe) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "_.-~".indexOf(c) >= 0
              || safe.indexOf(c) >= 0;
      if (plain) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
