package dev.portcullis.impl.links;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Builds the absolute links that go into mails, from API paths such as {@code reset/<token>}
 * (Flask's {@code url_for(..., _external=True)}).
 *
 * <p>Why the host is vetted: the request's host comes from its {@code Host} header, which the
 * client chooses; a link built from it hands the token in it to whoever the client names. So links
 * use {@code security.external_base_url} when set, else the request's host only when {@code
 * security.trusted_hosts} lists it; otherwise the caller must refuse the request before anything is
 * written ({@link #refusal()}) and one warning is logged. {@code X-Forwarded-Host} is never read.
 *
 * <p>Callers ask for the links before calling the service, so a refused request creates no token,
 * no outbox row and no account.
 */
@ApplicationScoped
public class MailLinks {

  static final String MESSAGE = "UNTRUSTED_HOST";
  private static final Logger LOG = Logger.getLogger(MailLinks.class.getName());

  private LinkConfig config;
  private Messages messages;

  /** For CDI. */
  protected MailLinks() {}

  @Inject
  public MailLinks(LinkConfig config, Messages messages) {
    this.config = config;
    this.messages = messages;
  }

  /**
   * Links for mails sent while answering this JAX-RS request; empty when its host is not vetted.
   */
  public Optional<Function<String, String>> of(UriInfo uri) {
    if (config.externalBaseUrl().isPresent()) {
      return Optional.of(onBase(config.externalBaseUrl().get()));
    }
    URI base = uri.getBaseUri();
    if (!vetted(base.getScheme(), base.getHost(), base.getPort())) {
      return Optional.empty();
    }
    String root = base.toString();
    return Optional.of(onBase(root.endsWith("/") ? root : root + "/"));
  }

  /**
   * Links for mails sent while answering a request outside JAX-RS (a Faces page): the request's
   * host and context path plus {@code security.url_prefix}; empty when the host is not vetted.
   */
  public Optional<Function<String, String>> of(HttpServletRequest request) {
    if (config.externalBaseUrl().isPresent()) {
      return Optional.of(onBase(config.externalBaseUrl().get()));
    }
    String scheme = request.getScheme();
    String name = request.getServerName();
    String host = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    int port = request.getServerPort();
    if (!vetted(scheme, host, port)) {
      return Optional.empty();
    }
    String prefix =
        config.urlPrefix().startsWith("/") ? config.urlPrefix() : "/" + config.urlPrefix();
    String root =
        scheme
            + "://"
            + host
            + (port == defaultPort(scheme) ? "" : ":" + port)
            + request.getContextPath()
            + prefix;
    return Optional.of(onBase(root.endsWith("/") ? root : root + "/"));
  }

  /** The answer to a JSON API request whose host is not vetted: 400 in the envelope. */
  public Response refusal() {
    return Envelope.of(400, Envelope.errors(List.of(refusalText())));
  }

  /** The message for a refused request, for pages. */
  public String refusalText() {
    return messages.text(MESSAGE);
  }

  private boolean vetted(String scheme, String host, int port) {
    int effective = port == -1 ? defaultPort(scheme) : port;
    if (config.trustedHosts().allows(host, effective)) {
      return true;
    }
    String named = printable(host) + ":" + effective;
    LOG.warning(
        () ->
            "Refused to mail a link to untrusted host '"
                + named
                + "': set security.external_base_url, or list the host in security.trusted_hosts");
    return false;
  }

  private static Function<String, String> onBase(String base) {
    return path -> base + path;
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** The host for the log: client-chosen text, so only host characters and bounded. */
  private static String printable(String host) {
    if (host == null) {
      return "(none)";
    }
    String safe = host.replaceAll("[^A-Za-z0-9.:\\[\\]_-]", "?");
    return safe.length() > 100 ? safe.substring(0, 100) + "..." : safe;
  }
}
