package dev.portcullis.impl.config;

import dev.portcullis.impl.links.LinkConfig;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@link WebAuthnKey}s. Start-up rules (DESIGN §3, misconfiguration fails the
 * deployment): with WebAuthn on, the relying-party id must be resolvable without trusting a
 * client's {@code Host} header ({@code security.wan_rp_id}, {@code security.external_base_url} or
 * {@code security.trusted_hosts}); every configured origin must be an origin on the RP id's domain
 * (WebAuthn L3 §5.1.2: the RP id is the origin's effective domain or a registrable suffix of it).
 */
final class WebAuthnSettings {

  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private final Settings settings;

  WebAuthnSettings(Settings settings) {
    this.settings = settings;
  }

  WebAuthnConfig read(LinkConfig links) {
    boolean enabled = settings.bool(WebAuthnKey.WEBAUTHN);
    Optional<String> rpId = rpId();
    List<String> origins = origins(rpId);
    if (enabled
        && rpId.isEmpty()
        && links.externalBaseUrl().isEmpty()
        && links.trustedHosts().isEmpty()) {
      throw new ConfigurationException(
          WebAuthnKey.WAN_RP_ID,
          "must be set with security.webauthn=true (or set security.external_base_url or"
              + " security.trusted_hosts): the relying-party id is never taken from an unvetted"
              + " Host header");
    }
    return new WebAuthnConfig(
        enabled,
        rpId,
        origins,
        settings.string(WebAuthnKey.WAN_RP_NAME).trim(),
        challengeBytes(),
        timeout(WebAuthnKey.WAN_REGISTER_TIMEOUT),
        timeout(WebAuthnKey.WAN_SIGNIN_TIMEOUT),
        settings.positiveDuration(WebAuthnKey.WAN_REGISTER_WITHIN),
        settings.positiveDuration(WebAuthnKey.WAN_SIGNIN_WITHIN),
        settings.bool(WebAuthnKey.WAN_ALLOW_AS_FIRST_FACTOR),
        settings.bool(WebAuthnKey.WAN_ALLOW_AS_MULTI_FACTOR),
        settings.bool(WebAuthnKey.WAN_ALLOW_USER_HINTS),
        firstFactorAttachment(),
        usages(),
        !settings.requiredDuration(CoreKey.FRESHNESS).isNegative(),
        settings.string(WebAuthnKey.WAN_POST_REGISTER_VIEW).trim(),
        settings.string(WebAuthnKey.WAN_REGISTER_TEMPLATE).trim(),
        settings.string(WebAuthnKey.WAN_SIGNIN_TEMPLATE).trim(),
        settings.string(WebAuthnKey.WAN_VERIFY_TEMPLATE).trim());
  }

  private Optional<String> rpId() {
    Optional<String> id =
        settings.optionalString(WebAuthnKey.WAN_RP_ID).map(v -> v.toLowerCase(Locale.ROOT));
    if (id.isPresent() && !HOST.matcher(id.get()).matches()) {
      throw new ConfigurationException(
          WebAuthnKey.WAN_RP_ID,
          "must be a domain name such as example.com (no scheme, port or path), not '"
              + id.get()
              + "'");
    }
    return id;
  }

  private List<String> origins(Optional<String> rpId) {
    if (settings.optionalString(WebAuthnKey.WAN_ORIGINS).isEmpty()) {
      return List.of();
    }
    List<String> origins = new ArrayList<>();
    for (String text : settings.list(WebAuthnKey.WAN_ORIGINS)) {
      String origin = origin(text);
      String host = URI.create(origin).getHost();
      if (rpId.isPresent() && !(host.equals(rpId.get()) || host.endsWith("." + rpId.get()))) {
        throw new ConfigurationException(
            WebAuthnKey.WAN_ORIGINS,
            "lists " + origin + ", which is not on the domain of security.wan_rp_id " + rpId.get());
      }
      origins.add(origin);
    }
    return origins;
  }

  /** {@code scheme://host[:port]}, lower case, nothing after. */
  private static String origin(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    boolean bare =
        uri != null
            && uri.getHost() != null
            && ("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()))
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!bare) {
      throw new ConfigurationException(
          WebAuthnKey.WAN_ORIGINS,
          "must list origins such as https://app.example.com (no path), not '" + text + "'");
    }
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private int challengeBytes() {
    if (settings.optionalString(WebAuthnKey.WAN_CHALLENGE_BYTES).isEmpty()) {
      return 32;
    }
    int bytes = settings.integer(WebAuthnKey.WAN_CHALLENGE_BYTES);
    if (bytes < 16 || bytes > 64) {
      throw new ConfigurationException(
          WebAuthnKey.WAN_CHALLENGE_BYTES, "must be between 16 and 64, not " + bytes);
    }
    return bytes;
  }

  private long timeout(ConfigKey key) {
    int millis = settings.integer(key);
    if (millis <= 0) {
      throw new ConfigurationException(key, "must be a positive number of milliseconds");
    }
    return millis;
  }

  /** {@code any} = no hint (empty); {@code platform} or {@code cross-platform}. */
  private Optional<String> firstFactorAttachment() {
    String value =
        settings.string(WebAuthnKey.WAN_FIRST_FACTOR_ATTACHMENT).trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "any" -> Optional.empty();
      case "platform", "cross-platform" -> Optional.of(value);
      default ->
          throw new ConfigurationException(
              WebAuthnKey.WAN_FIRST_FACTOR_ATTACHMENT,
              "must be any, platform or cross-platform, not '" + value + "'");
    };
  }

  private Set<String> usages() {
    Set<String> usages = new LinkedHashSet<>();
    if (settings.optionalString(WebAuthnKey.WAN_ALLOW_AS_VERIFY).isEmpty()) {
      return usages;
    }
    for (String usage : settings.list(WebAuthnKey.WAN_ALLOW_AS_VERIFY)) {
      String value = usage.toLowerCase(Locale.ROOT);
      if (!value.equals(WebAuthnConfig.FIRST) && !value.equals(WebAuthnConfig.SECONDARY)) {
        throw new ConfigurationException(
            WebAuthnKey.WAN_ALLOW_AS_VERIFY,
            "must list first and/or secondary, not '" + usage + "'");
      }
      usages.add(value);
    }
    return usages;
  }
}
