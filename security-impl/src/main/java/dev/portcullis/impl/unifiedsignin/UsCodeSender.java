package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.event.UsSecurityTokenSent;
import dev.portcullis.impl.account.AccountMail;
import dev.portcullis.impl.events.EventPublisher;
import dev.portcullis.impl.mail.MailTemplate;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.totp.OneTimeCodes;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.twofactor.CodeDelivery;
import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.SmsSender;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Sends unified sign-in codes (Flask-Security {@code us_send_security_token}): by mail (template
 * {@code us_instructions}, with a magic link {@code us-verify-link?id=<fs_uniquifier>&code=<code>}
 * when signing in, spec §5.10) or by SMS ({@code USE_CODE}). Every send counts against the user's
 * and the address's limit through {@link CodeDelivery#admit}, shared with two-factor codes.
 *
 * <p>The code goes only to the mail or the phone: never into a log, a reply or an event.
 */
@ApplicationScoped
public class UsCodeSender {

  private static final Logger LOG = Logger.getLogger(UsCodeSender.class.getName());

  @Inject CodeDelivery delivery;
  @Inject AccountMail mail;
  @Inject SmsSender sms;
  @Inject UnifiedSigninStore store;
  @Inject EventPublisher events;
  @Inject Messages messages;
  @Inject Clock clock;

  /**
   * Sends the code of {@code key} by {@code method}: the code of the current time step, or of the
   * first step after the last one used with a stored key when that is later (a code just used would
   * otherwise be sent again and refused as a replay).
   *
   * @param phone the E.164 number for {@code sms}
   * @param stored whether {@code key} is the user's stored secret of {@code method} (else a new key
   *     being set up)
   * @param links builds the magic link from an API path; empty for no link
   */
  public CodeDelivery.Outcome send(
      UserRecord user,
      String method,
      TotpKey key,
      String phone,
      boolean stored,
      Optional<Function<String, String>> links) {
    CodeDelivery.Outcome allowed = delivery.admit(user, method, phone);
    if (!(allowed instanceof CodeDelivery.Outcome.Sent)) {
      return allowed;
    }
    long step = OneTimeCodes.stepAt(clock.instant());
    if (stored) {
      step = Math.max(step, store.lastUsedStep(user.id(), method) + 1);
    }
    String code = OneTimeCodes.codeAt(key, step);
    if (method.equals("sms")) {
      Delivery sent = sms.send(phone, messages.text("USE_CODE", Map.of("code", code)));
      if (sent instanceof Delivery.Failed failed) {
        LOG.warning(() -> "Sign-in SMS for user " + user.id() + " not sent: " + failed.reason());
        return new CodeDelivery.Outcome.Failed();
      }
    } else {
      mail.send(MailTemplate.US_INSTRUCTIONS, user, instructions(user, code, links));
    }
    events.publish(
        new UsSecurityTokenSent(
            user.toSecurityUser(),
            method,
            method.equals("sms") ? phone : null,
            links.isPresent() && method.equals("email")));
    return allowed;
  }

  /**
   * The work of {@link #send} by mail for a stand-in user (an unknown identity, or one that may not
   * get a code by mail), in the same order: counted ({@link CodeDelivery#admitStandIn}: a stand-in
   * row of a fixed pool and the typed identity's own counter, with the same statements, locks and
   * transactions as a user's and an address's), then — unless the identity's count is used up, as a
   * user's would be — the code of the step after the last used one, the mail with its magic link
   * rendered and written, then discarded in the same transaction ({@link AccountMail#rehearse}),
   * and an event nobody observes in place of {@link UsSecurityTokenSent} ({@link StandInCodeSent}).
   * Nothing is sent or kept but the counts, and no user's or address's count changes.
   *
   * @param identity the identity as typed (an email normalized): what the stand-in is counted by
   */
  public void rehearse(
      UserRecord standIn, String identity, TotpKey key, Optional<Function<String, String>> links) {
    if (!(delivery.admitStandIn("email", identity) instanceof CodeDelivery.Outcome.Sent)) {
      return;
    }
    long step =
        Math.max(
            OneTimeCodes.stepAt(clock.instant()), store.lastUsedStep(standIn.id(), "email") + 1);
    String code = OneTimeCodes.codeAt(key, step);
    mail.rehearse(MailTemplate.US_INSTRUCTIONS, standIn, instructions(standIn, code, links));
    events.publish(new StandInCodeSent(standIn.toSecurityUser(), "email", null, links.isPresent()));
  }

  /**
   * The variables of the {@code us_instructions} mail: the code and, when links are built, the
   * link.
   */
  private static Map<String, Object> instructions(
      UserRecord user, String code, Optional<Function<String, String>> links) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("code", code);
    vars.put("username", user.username() != null ? user.username() : user.email());
    links.ifPresent(link -> vars.put("login_link", link.apply(magicLinkPath(user, code))));
    return vars;
  }

  /** The API path of the magic link (spec §5.10: {@code id} is the user's fs_uniquifier). */
  static String magicLinkPath(UserRecord user, String code) {
    return "us-verify-link?id="
        + URLEncoder.encode(user.fsUniquifier(), StandardCharsets.UTF_8)
        + "&code="
        + code;
  }
}
