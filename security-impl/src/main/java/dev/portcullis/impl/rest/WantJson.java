package dev.portcullis.impl.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Decides whether a request wants a JSON answer (Flask-Security {@code utils.default_want_json}):
 * its {@code Content-Type} is {@code application/json} or a {@code +json} type, or the best match
 * of its {@code Accept} header is exactly {@code application/json}. Everything else is a browser.
 */
public final class WantJson {

  private WantJson() {}

  /** Applies the rule to a servlet request. */
  public static boolean test(HttpServletRequest request) {
    return test(request.getContentType(), request.getHeader("Accept"));
  }

  /** Applies the rule to the two headers. */
  public static boolean test(String contentType, String accept) {
    return isJsonType(contentType) || "application/json".equals(bestAccepted(accept));
  }

  static boolean isJsonType(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }

  /** The media type with the highest quality; the first one wins a tie, as in Werkzeug. */
  static String bestAccepted(String accept) {
    if (accept == null || accept.isBlank()) {
      return null;
    }
    String best = null;
    double bestQuality = 0;
    for (String entry : accept.split(",")) {
      String[] parts = entry.split(";");
      double quality = quality(parts);
      if (quality > bestQuality) {
        best = parts[0].trim().toLowerCase(Locale.ROOT);
        bestQuality = quality;
      }
    }
    return best;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
