package dev.portcullis.impl.oauth;

import dev.portcullis.spi.OAuthIdentity;
import java.net.URI;

/** What {@link NimbusOAuthClient} answers. */
public sealed interface ProviderAnswer {

  /**
   * The browser goes to the provider.
   *
   * @param location the provider's authorization URL with all parameters
   * @param authorization what the answer will be checked against
   */
  record Redirect(URI location, OAuthAuthorization authorization) implements ProviderAnswer {}

  /** The provider vouched for this identity; every check passed. */
  record Identified(OAuthIdentity identity) implements ProviderAnswer {}

  /** The provider refused, could not be reached, or its answer failed a check. */
  record Failed(ProviderError error) implements ProviderAnswer {
    /** A failure from its parts. */
    public Failed(String error, String description) {
      this(new ProviderError(error, description));
    }
  }
}
