package dev.portcullis.impl.oauth;

/**
 * Why talking to a provider failed, as Flask-Security's {@code OAUTH_HANDSHAKE_ERROR} shows it
 * ({@code exerror}, {@code exdesc}): an OAuth error code and a short description. Never holds a
 * token, code or secret.
 *
 * @param error an OAuth error code ({@code access_denied}, {@code invalid_grant}) or Portcullis'
 *     own ({@code mismatching_state}, {@code provider_unreachable}, {@code invalid_id_token})
 * @param description one line for the user
 */
public record ProviderError(String error, String description) {

  private static final int MAX = 200;

  /** Keeps provider-supplied text printable and short. */
  public ProviderError {
    error = printable(error == null || error.isBlank() ? "error" : error);
    description = printable(description == null ? "" : description);
  }

  private static String printable(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}]", " ").strip();
    return clean.length() > MAX ? clean.substring(0, MAX) + "..." : clean;
  }
}
