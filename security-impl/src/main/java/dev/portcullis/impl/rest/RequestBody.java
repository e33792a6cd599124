package dev.portcullis.impl.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The body of a Portcullis request, read and parsed once: the CSRF check (which looks for a {@code
 * csrf_token} field) and the resource (which reads the form) share one parse, kept on the request.
 */
public final class RequestBody {

  private static final String PARSED = RequestBody.class.getName() + ".parsed";

  private RequestBody() {}

  /**
   * Parses the body at most once per request.
   *
   * @param bytes the body as read, at most {@code maxBytes + 1} bytes
   */
  public static FormData.Parsed parse(
      HttpServletRequest request, byte[] bytes, String contentType, int maxBytes) {
    Optional<FormData.Parsed> earlier = parsed(request);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    FormData.Parsed parsed = FormData.read(new ByteArrayInputStream(bytes), contentType, maxBytes);
    request.setAttribute(PARSED, parsed);
    return parsed;
  }

  /** The parse of this request's body, if the body was read already. */
  public static Optional<FormData.Parsed> parsed(HttpServletRequest request) {
    return Optional.ofNullable((FormData.Parsed) request.getAttribute(PARSED));
  }

  /** Reads at most {@code maxBytes + 1} bytes, so that a larger body is recognized as such. */
  public static byte[] readUpTo(InputStream in, int maxBytes) throws IOException {
    return in.readNBytes(maxBytes + 1);
  }
}
