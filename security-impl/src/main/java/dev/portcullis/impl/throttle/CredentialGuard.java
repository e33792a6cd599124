package dev.portcullis.impl.throttle;

import dev.portcullis.impl.http.ClientAddress;
import dev.portcullis.impl.throttle.ThrottleConfig.Limits;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@link Throttle} for the secret checks of one request: every check counts against the account
 * (or typed identity) and against the request's client address ({@link ClientAddress}: the socket
 * address, {@code X-Forwarded-For} only as far as {@code security.proxy_x_for} trusts it). The
 * shared check points call it: {@code PasswordCheck} (login, HTTP Basic, {@code /verify}, {@code
 * /change}), the second-factor and recovery-code checks, WebAuthn assertions ({@code
 * WanAssertions}).
 *
 * <p>A refusal marks the request; {@link ThrottledAnswers} then turns the refused answer (the
 * endpoint's 400 or 401) into 429 with {@code Retry-After}, whichever endpoint it was. A caller
 * answers a refusal as it answers a wrong secret, without checking the secret: same body, same
 * time, for a locked account and for an identity nobody has.
 */
@RequestScoped
public class CredentialGuard {

  /** The request attribute holding the {@link Refusal} of a refused check or mail request. */
  static final String REFUSAL = CredentialGuard.class.getName() + ".refusal";

  /**
   * Why and how long a request was refused.
   *
   * @param retryAfter until an attempt may be made again
   * @param messageKey the message of the 429
   * @param link whether a mailed link was refused: then even the endpoint's redirect (a link is
   *     followed by GET) becomes the 429
   */
  public record Refusal(Duration retryAfter, String messageKey, boolean link) {}

  /** The message of a refused secret check (the wait is in {@code Retry-After}). */
  public static final String ATTEMPTS_MESSAGE = "TOO_MANY_FAILED_ATTEMPTS";

  /** The message of a refused mail request. */
  public static final String MAIL_MESSAGE = "MAIL_SEND_LIMIT";

  private Throttle throttle;
  private HttpServletRequest request;
  private int proxyXForHops;

  /** For CDI. */
  protected CredentialGuard() {}

  @Inject
  CredentialGuard(Throttle throttle, HttpServletRequest request, ThrottleConfig config) {
    this.throttle = throttle;
    this.request = request;
    this.proxyXForHops = config.proxyXForHops();
  }

  /**
   * A guard that never refuses and counts nothing, for code that checks secrets outside a request
   * (unit tests of the services).
   */
  public static CredentialGuard disabled() {
    CredentialGuard guard = new CredentialGuard();
    guard.throttle =
        new Throttle(
            new ThrottleConfig(
                false,
                new Limits(1, 2),
                new Limits(1, 2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new ThrottleConfig.MailLimits(1, 1, Duration.ofSeconds(1)),
                0),
            null,
            null,
            null);
    return guard;
  }

  /**
   * Whether the check of {@code account}'s secret must not happen now; if so the request is marked
   * to be answered 429.
   */
  public boolean refuses(ThrottleSubject account) {
    if (!throttle.enabled()) {
      return false;
    }
    ThrottleVerdict verdict = throttle.check(account, address());
    if (verdict instanceof ThrottleVerdict.Refused refused) {
      request.setAttribute(REFUSAL, new Refusal(refused.retryAfter(), ATTEMPTS_MESSAGE, false));
      return true;
    }
    return false;
  }

  /**
   * Whether a mailed token (reset, confirmation or change-email link) must not be checked now,
   * because the client address failed too many checks (forged, used or tampered tokens count with
   * wrong passwords and codes); if so the request is marked to be answered 429, the link's redirect
   * included. The tokens are signed, so guessing one is hopeless; this bounds the work and the
   * noise of a flood.
   */
  public boolean refusesToken() {
    return refusesAddress(true);
  }

  /**
   * Whether a check that names no account yet must not happen now, because the client address
   * failed too many checks: a WebAuthn assertion before its credential id is looked up (an unknown
   * id has no owner to count against). If so the request is marked to be answered 429.
   */
  public boolean refusesAddress() {
    return refusesAddress(false);
  }

  private boolean refusesAddress(boolean link) {
    if (!throttle.enabled()) {
      return false;
    }
    ThrottleVerdict verdict = throttle.check(address());
    if (verdict instanceof ThrottleVerdict.Refused refused) {
      request.setAttribute(REFUSAL, new Refusal(refused.retryAfter(), ATTEMPTS_MESSAGE, link));
      return true;
    }
    return false;
  }

  /**
   * A mailed token was not valid (forged, tampered or used; an expired change-email token too):
   * counts against the client address.
   */
  public void failedToken() {
    failedAddress();
  }

  /**
   * A check that names no account failed (a WebAuthn credential id nobody owns): counts against the
   * client address only.
   */
  public void failedAddress() {
    if (throttle.enabled()) {
      throttle.recordFailure(address());
    }
  }

  /**
   * Whether a request that mails {@code email} (reset or confirmation instructions) must not be
   * served now; counted otherwise, per email (known or not) and client address. A refusal marks the
   * request to be answered 429 ({@value #MAIL_MESSAGE}); the caller sends nothing.
   */
  public boolean refusesMailTo(String email) {
    return refusesMail(ThrottleSubject.mailTo(email));
  }

  /**
   * Whether a signed-in {@code account}'s request that mails {@code email} (the new address of a
   * change of email) must not be served now; counted otherwise, per account, per email and per
   * client address, so neither one account nor one address can mail many addresses, nor many
   * accounts one address. A refusal marks the request as {@link #refusesMailTo} does.
   */
  public boolean refusesMailFor(UserRecord account, String email) {
    return refusesMail(ThrottleSubject.mailOf(account), ThrottleSubject.mailTo(email));
  }

  private boolean refusesMail(ThrottleSubject... subjects) {
    if (!throttle.enabled()) {
      return false;
    }
    String from = ClientAddress.of(request, proxyXForHops);
    ThrottleSubject[] all = Arrays.copyOf(subjects, subjects.length + 1);
    all[subjects.length] = ThrottleSubject.mailFrom(from == null ? "unknown" : from);
    Optional<Duration> refused = throttle.requestMail(all);
    refused.ifPresent(
        wait -> request.setAttribute(REFUSAL, new Refusal(wait, MAIL_MESSAGE, false)));
    return refused.isPresent();
  }

  /** The secret of {@code account} was wrong: counts against it and the client address. */
  public void failed(ThrottleSubject account) {
    throttle.recordFailure(account, address());
  }

  /** The secret of {@code account} was right: its failures are forgotten. */
  public void succeeded(ThrottleSubject account) {
    throttle.recordSuccess(account);
  }

  /** The refusal of a check or mail request of this request, if one was refused. */
  public static Optional<Refusal> refusalOf(HttpServletRequest request) {
    return request.getAttribute(REFUSAL) instanceof Refusal refusal
        ? Optional.of(refusal)
        : Optional.empty();
  }

  private ThrottleSubject address() {
    // No request: a check outside one (the disabled guard of unit tests, a background job).
    String address = request == null ? null : ClientAddress.of(request, proxyXForHops);
    return ThrottleSubject.address(address == null ? "unknown" : address);
  }
}
