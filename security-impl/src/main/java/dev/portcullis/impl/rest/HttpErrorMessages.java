package dev.portcullis.impl.rest;

/**
 * The message key of an error status that the server or JAX-RS answers on its own (no resource
 * reached: unknown path, wrong method, unsupported content type, a path the server refuses), so
 * that those answers too are the envelope with a message ({@link ApiErrorMapper}, {@link
 * dev.portcullis.impl.http.ApiErrorFilter}).
 */
public final class HttpErrorMessages {

  private HttpErrorMessages() {}

  /** The key for {@code status}; {@code REQUEST_REFUSED} for any status without its own text. */
  public static String key(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "UNAUTHORIZED";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 413 -> "REQUEST_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> "REQUEST_REFUSED";
    };
  }
}
