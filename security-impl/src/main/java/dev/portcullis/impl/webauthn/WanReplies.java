package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Flash;
import dev.portcullis.impl.views.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers the {@code /wan-*} endpoints share: the options reply, refusals (JSON 400 with the
 * message under the field it concerns, or flashed for a browser that then goes to a page), the key
 * list, and the RP identity of a request (refused, as a mailed link is, when it would depend on an
 * untrusted {@code Host}).
 */
@ApplicationScoped
public class WanReplies {

  @Inject Replies reply;
  @Inject Messages messages;
  @Inject Flash flash;
  @Inject MailLinks links;
  @Inject RelyingPartyIdentity identity;

  /** The RP id and origins for this request, or the refusal to answer with. */
  public Optional<RelyingPartyIdentity.Resolved> relyingParty(UriInfo uri) {
    return identity.resolve(uri.getBaseUri());
  }

  /** The answer when {@link #relyingParty} is empty: 400 {@code UNTRUSTED_HOST}. */
  public Response untrustedHost() {
    return links.refusal();
  }

  /** {@code {credential_options, wan_state, csrf_token, ...extra}} or the refusal. */
  public Response started(
      WanResult result, JsonObjectBuilder extra, HttpServletRequest request, String view) {
    if (result instanceof WanResult.Refused refused) {
      return refused(request, refused.field(), refused.messageKey(), refused.args(), view);
    }
    if (!WantJson.test(request)) {
      // A browser's form post: the page runs the ceremony with its own options.
      return Views.redirectToView(request, view);
    }
    WanResult.Started started = (WanResult.Started) result;
    return reply.withCsrfToken(
        extra.add("credential_options", started.options()).add("wan_state", started.state()),
        request);
  }

  /**
   * A refusal: JSON 400 with the message under {@code field} ({@code errors} only when null);
   * browsers get it flashed and go to {@code view}.
   */
  public Response refused(
      HttpServletRequest request, String field, String key, Map<String, ?> args, String view) {
    String text = messages.text(key, args);
    if (!WantJson.test(request)) {
      flash.add(request, messages.category(key), text);
      return Views.redirectToView(request, view);
    }
    return field == null
        ? Envelope.of(400, Envelope.errors(List.of(text)))
        : Envelope.of(400, Envelope.fieldErrors(new FieldErrors().add(field, text).toMap()));
  }

  /** Browsers: {@code key} flashed, then {@code view}. */
  public Response flashed(
      HttpServletRequest request, String key, Map<String, ?> args, String view) {
    flash.add(request, messages.category(key), messages.text(key, args));
    return Views.redirectToView(request, view);
  }

  /** Flask's {@code registered_credentials} list. */
  public static JsonArrayBuilder credentials(List<WebAuthnCredential> keys) {
    JsonArrayBuilder list = Jsons.array();
    for (WebAuthnCredential key : keys) {
      JsonArrayBuilder transports = Jsons.array();
      key.transports().forEach(transports::add);
      JsonObjectBuilder item =
          Jsons.object()
              .add("name", key.name())
              .add("credential_id", WanOptions.b64(key.credentialId()))
              .add("transports", transports)
              .add(
                  "lastuse",
                  DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                      key.lastUse().atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()))
              .add("usage", key.usage())
              .add("backup_state", key.backupState())
              .add("device_type", key.deviceType());
      Optional<Boolean> discoverable = key.discoverable();
      if (discoverable.isPresent()) {
        item.add("discoverable", discoverable.get());
      } else {
        item.add("discoverable", "Unknown");
      }
      list.add(item);
    }
    return list;
  }
}
