package dev.portcullis.impl.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * Where Portcullis talks to GitHub ({@code security.oauth.github.authorize_url}, {@code token_url},
 * {@code api_url}): github.com by default; a GitHub Enterprise Server (or a test's stand-in) by
 * configuration.
 *
 * @param authorize the authorization endpoint the browser is sent to
 * @param token the token endpoint the code is redeemed at
 * @param api the REST API's base URL ({@code user} and {@code user/emails} are resolved against it)
 */
public record GitHubEndpoints(URI authorize, URI token, URI api) {

  /** github.com. */
  public static final GitHubEndpoints GITHUB_COM =
      new GitHubEndpoints(
          URI.create("https://github.com/login/oauth/authorize"),
          URI.create("https://github.com/login/oauth/access_token"),
          URI.create("https://api.github.com/"));

  /** Checks the parts; the API URL always ends with a slash so paths resolve below it. */
  public GitHubEndpoints {
    Objects.requireNonNull(authorize, "authorize");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(api, "api");
    if (!api.getPath().endsWith("/")) {
      api = URI.create(api + "/");
    }
  }
}
