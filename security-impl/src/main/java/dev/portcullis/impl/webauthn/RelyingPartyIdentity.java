package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.links.LinkConfig;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The relying-party id and the origins a ceremony expects, from configuration only (WebAuthn L3
 * §5.1.2, §7.1 steps 9 and 13). Flask-Security takes both from the request's {@code Host}; here
 * that host counts only when {@code security.trusted_hosts} lists it, because a client chooses its
 * {@code Host} header. In order: {@code security.wan_rp_id} / {@code security.wan_origins}; the
 * host and origin of {@code security.external_base_url}; the vetted request host and origin; and
 * for a configured RP id without origins, {@code https://<rp id>}. {@code X-Forwarded-*} is never
 * read.
 */
public final class RelyingPartyIdentity {

  private final WebAuthnConfig config;
  private final LinkConfig links;

  public RelyingPartyIdentity(WebAuthnConfig config, LinkConfig links) {
    this.config = config;
    this.links = links;
  }

  /**
   * The RP id and origins for a request that reached {@code base} (the API's base URI); empty when
   * they depend on the request's host and it is not trusted.
   */
  public Optional<Resolved> resolve(URI base) {
    Optional<URI> external = links.externalBaseUrl().map(URI::create);
    Optional<URI> vetted = Optional.of(base).filter(this::trusted);
    Optional<String> id =
        config.rpId().or(() -> external.or(() -> vetted).map(u -> lower(u.getHost())));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Set<String> origins = new LinkedHashSet<>(config.origins());
    if (origins.isEmpty()) {
      external.or(() -> vetted).map(RelyingPartyIdentity::origin).ifPresent(origins::add);
    }
    if (origins.isEmpty()) {
      origins.add("https://" + id.get());
    }
    return Optional.of(new Resolved(id.get(), Set.copyOf(origins)));
  }

  /** A resolved RP id and its origins. */
  public record Resolved(String rpId, Set<String> origins) {
    public Resolved {
      origins = Set.copyOf(origins);
    }
  }

  private boolean trusted(URI base) {
    if (base.getHost() == null) {
      return false;
    }
    int port = base.getPort() == -1 ? defaultPort(base.getScheme()) : base.getPort();
    return links.trustedHosts().allows(base.getHost(), port);
  }

  /** {@code scheme://host[:port]} with the default port left out, as browsers write it. */
  static String origin(URI uri) {
    String scheme = lower(uri.getScheme());
    int port = uri.getPort();
    return scheme
        + "://"
        + lower(uri.getHost())
        + (port == -1 || port == defaultPort(scheme) ? "" : ":" + port);
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
