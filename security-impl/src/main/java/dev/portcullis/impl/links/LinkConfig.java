package dev.portcullis.impl.links;

import java.util.Optional;

/**
 * Where mailed links point.
 *
 * @param externalBaseUrl {@code security.external_base_url}: the absolute URL of the JSON API root,
 *     ending in {@code /}; when set, the request's host is never used
 * @param trustedHosts {@code security.trusted_hosts}: hosts a request may name for links to be
 *     built from it when no external base URL is set
 * @param urlPrefix {@code security.url_prefix}: path of the JSON API inside the application, for
 *     links built outside JAX-RS (Faces pages)
 */
public record LinkConfig(
    Optional<String> externalBaseUrl, TrustedHosts trustedHosts, String urlPrefix) {}
