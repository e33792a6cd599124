package dev.portcullis.web.webauthn;

import dev.portcullis.impl.links.MailLinks;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.signin.PendingSignIn;
import dev.portcullis.impl.signin.SignIn;
import dev.portcullis.impl.twofactor.TwoFactorState;
import dev.portcullis.impl.twofactor.TwoFactorStates;
import dev.portcullis.impl.webauthn.RelyingPartyIdentity;
import dev.portcullis.impl.webauthn.WanResult;
import dev.portcullis.web.layout.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the WebAuthn page beans share: the relying party of the request (from configuration and the
 * vetted host, exactly as the {@code /wan-*} JSON endpoints resolve it), the sign-in pending its
 * key (Flask's {@code is_secondary}), and a refusal as the errors of a form.
 */
@ApplicationScoped
public class WanPages {

  @Inject Pages pages;
  @Inject SignIn signIn;
  @Inject MailLinks mailLinks;
  @Inject Messages messages;

  /**
   * The RP id and origins for this request; empty when they would depend on a {@code Host} that
   * {@code security.trusted_hosts} does not list.
   */
  public Optional<RelyingPartyIdentity.Resolved> relyingParty(RelyingPartyIdentity identity) {
    HttpServletRequest request = pages.request();
    try {
      URI base =
          new URI(
              request.getScheme(),
              null,
              request.getServerName(),
              request.getServerPort(),
              request.getContextPath() + "/",
              null,
              null);
      return identity.resolve(base);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The form error for an untrusted host. */
  public Map<String, List<String>> untrustedHost() {
    return Map.of("", List.of(mailLinks.refusalText()));
  }

  /**
   * The sign-in whose second factor is a key, as {@code /wan-signin} decides it: pending on this
   * session with its two-factor state ready.
   */
  public Optional<PendingSignIn> secondary() {
    HttpServletRequest request = pages.request();
    return signIn
        .pending(request)
        .filter(
            p ->
                TwoFactorStates.of(request, p.user())
                    .filter(s -> s.phase() == TwoFactorState.Phase.READY)
                    .isPresent());
  }

  /** A service's refusal as form errors: under its field, or above the form. */
  public Map<String, List<String>> errors(String field, String key, Map<String, ?> args) {
    return Map.of(field == null ? "" : field, List.of(messages.text(key, args)));
  }

  /** A refused start as form errors. */
  public Map<String, List<String>> errors(WanResult.Refused refused) {
    return errors(refused.field(), refused.messageKey(), refused.args());
  }

  /** Answers 404, as the JSON endpoint does where its rules hide it. */
  public void notFound() {
    try {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, messages.text("NOT_FOUND"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }
}
