package dev.portcullis.impl.config;

import dev.portcullis.impl.oauth.OAuthConfig;
import dev.portcullis.impl.oauth.OAuthProvider;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@link OAuthKey}s and each provider's {@code security.oauth.<name>.*} keys into an
 * {@link OAuthConfig}. A built-in provider is offered once its client id is set; a provider listed
 * in {@code security.oauth_providers} must name its issuer, client id and secret. Issuers are
 * {@code https} (plain {@code http} only on the loopback interface, for development and tests).
 */
final class OAuthSettings {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final List<String> BUILT_IN = List.of("github", "google");

  private final Settings settings;

  OAuthSettings(Settings settings) {
    this.settings = settings;
  }

  OAuthConfig read() {
    boolean enabled = settings.bool(OAuthKey.OAUTH_ENABLE);
    List<OAuthProvider> providers = new ArrayList<>();
    for (String name : names(OAuthKey.OAUTH_BUILTIN_PROVIDERS)) {
      if (!BUILT_IN.contains(name)) {
        throw new ConfigurationException(
            OAuthKey.OAUTH_BUILTIN_PROVIDERS, "must list github or google, not '" + name + "'");
      }
      if (key(name, "client_id").isPresent()) {
        providers.add(builtIn(name));
      }
    }
    for (String name : names(OAuthKey.OAUTH_PROVIDERS)) {
      if (BUILT_IN.contains(name) || providers.stream().anyMatch(p -> p.name().equals(name))) {
        throw new ConfigurationException(
            OAuthKey.OAUTH_PROVIDERS, "names '" + name + "' twice or a built-in provider");
      }
      providers.add(oidc(name, issuer(name, required(name, "issuer")), List.of("openid", "email")));
    }
    return new OAuthConfig(
        enabled,
        providers,
        settings.positiveDuration(OAuthKey.OAUTH_STATE_LIFETIME),
        settings.positiveDuration(OAuthKey.OAUTH_HTTP_TIMEOUT),
        settings.optionalString(OAuthKey.LOGIN_ERROR_VIEW),
        settings.optionalString(OAuthKey.POST_OAUTH_LOGIN_VIEW));
  }

  private List<String> names(OAuthKey key) {
    if (settings.optionalString(key).isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String raw : settings.list(key)) {
      String name = raw.toLowerCase(Locale.ROOT);
      if (!NAME.matcher(name).matches()) {
        throw new ConfigurationException(
            key, "must list names of lower-case letters, digits, - and _, not '" + raw + "'");
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private OAuthProvider builtIn(String name) {
    if (name.equals("github")) {
      return new OAuthProvider(
          name,
          OAuthProvider.Kind.GITHUB,
          label(name, "GitHub"),
          required(name, "client_id"),
          required(name, "client_secret"),
          Optional.empty(),
          scopes(name, List.of("user:email")));
    }
    return oidc(name, OAuthProvider.GOOGLE_ISSUER, List.of("openid", "email", "profile"));
  }

  private OAuthProvider oidc(String name, URI issuer, List<String> defaultScopes) {
    List<String> scopes = scopes(name, defaultScopes);
    if (!scopes.contains("openid")) {
      throw new ConfigurationException(
          property(name, "scopes"), "must include openid for an OpenID Connect provider");
    }
    return new OAuthProvider(
        name,
        OAuthProvider.Kind.OIDC,
        label(name, OAuthProvider.defaultLabel(name)),
        required(name, "client_id"),
        required(name, "client_secret"),
        Optional.of(issuer),
        scopes);
  }

  private URI issuer(String name, String text) {
    URI uri;
    try {
      uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigurationException(property(name, "issuer"), "must be a URL");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost());
    if (uri.getHost() == null || !(https || loopbackHttp) || uri.getQuery() != null) {
      throw new ConfigurationException(
          property(name, "issuer"),
          "must be an https URL without query (http only for localhost), not '" + text + "'");
    }
    return uri;
  }

  private static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: never looked up here
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private List<String> scopes(String name, List<String> defaults) {
    return key(name, "scopes")
        .map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList())
        .filter(list -> !list.isEmpty())
        .orElse(defaults);
  }

  private String label(String name, String fallback) {
    return key(name, "label").orElse(fallback);
  }

  private String required(String name, String part) {
    // The message names the key, never the value (it may be the secret).
    return key(name, part)
        .orElseThrow(() -> new ConfigurationException(property(name, part), "must be set"));
  }

  private Optional<String> key(String name, String part) {
    return settings.foreign(property(name, part)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static String property(String name, String part) {
    return "security.oauth." + name + "." + part;
  }
}
