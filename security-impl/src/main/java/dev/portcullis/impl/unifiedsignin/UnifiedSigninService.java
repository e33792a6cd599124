package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.impl.account.Decoys;
import dev.portcullis.impl.authentication.EmailNormalizer;
import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpSecrets;
import dev.portcullis.impl.twofactor.CodeDelivery;
import dev.portcullis.impl.views.Redirects;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of unified sign-in and re-authentication (Flask-Security {@code unified_signin.py}:
 * {@code UnifiedSigninForm}, {@code UnifiedVerifyForm}, {@code us_signin_send_code}, {@code
 * us_verify_link}; spec §1.2 #17, #18, #21–#23, §7.5). Returns values; the callers sign in through
 * the pipeline and render.
 *
 * <p>With {@code security.return_generic_responses} identity and passcode errors become one generic
 * error, and a send-code request answers the same whether or not a code went out.
 */
@ApplicationScoped
public class UnifiedSigninService {

  /** The fields {@code /us-signin} and {@code /us-signin/send-code} read. */
  public static final List<String> SIGNIN_FIELDS =
      List.of("identity", "passcode", "chosen_method", "next");

  /** The fields {@code /us-verify} and {@code /us-verify/send-code} read. */
  public static final List<String> VERIFY_FIELDS = List.of("passcode", "chosen_method", "next");

  @Inject UnifiedSigninConfig config;
  @Inject LoginConfig login;
  @Inject UsIdentities identities;
  @Inject UsPasscodeCheck passcodes;
  @Inject UsCodeSender sender;
  @Inject TotpSecrets secrets;
  @Inject UserStore users;
  @Inject Redirects redirects;
  @Inject Messages messages;
  @Inject Decoys decoys;

  /** The outcome of a passcode check ({@code /us-signin}, {@code /us-verify}). */
  public sealed interface PasscodeOutcome {
    /** Field errors; nothing happened. */
    record Rejected(Map<String, List<String>> fieldErrors) implements PasscodeOutcome {}

    /** The passcode was the user's {@code method}'s. */
    record Passed(UserRecord user, String method, boolean remember, Optional<String> next)
        implements PasscodeOutcome {}
  }

  /** The outcome of a send-code request. */
  public sealed interface SendOutcome {
    /** Sent, or — in generic mode — answered as if sent. */
    record Sent() implements SendOutcome {}

    /**
     * Not sent.
     *
     * @param status 400 (form), 429 (send limit) or 500 (provider failure)
     */
    record Rejected(int status, Map<String, List<String>> fieldErrors) implements SendOutcome {}
  }

  /** The methods {@code user} can sign in with now ({@code active_methods}). */
  public List<String> activeMethods(UserRecord user) {
    Map<String, String> stored = UsTotpSecrets.read(user.usTotpSecrets());
    List<String> active = new ArrayList<>();
    for (String method : config.enabledMethods()) {
      boolean has =
          method.equals("password")
              ? user.password() != null && !user.password().isEmpty()
              : stored.containsKey(method);
      if (has) {
        active.add(method);
      }
    }
    return active;
  }

  /** The user's active methods that deliver a code. */
  public List<String> activeCodeMethods(UserRecord user) {
    return activeMethods(user).stream().filter(config.codeMethods()::contains).toList();
  }

  /** {@code POST /us-signin}: identity and passcode. */
  public PasscodeOutcome signIn(Form form, String queryNext, String requestHost) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new PasscodeOutcome.Rejected(errors.toMap());
    }
    Optional<String> next = next(form, queryNext, requestHost, errors);
    Optional<String> identity = form.text("identity");
    if (identity.isEmpty()) {
      errors.add("identity", messages.text("FIELD_REQUIRED"));
    }
    if (!errors.isEmpty()) {
      return new PasscodeOutcome.Rejected(errors.toMap());
    }
    Optional<UserRecord> user = identities.find(identity.get());
    Optional<String> passcode = form.text("passcode");
    // The passcode is checked (or the same work done) before the identity is judged: equal time.
    Optional<String> method =
        passcode.isPresent()
            ? passcodes.match(user, identity.get(), passcode.get())
            : Optional.empty();
    if (user.isEmpty()) {
      errors.add("identity", messages.text("US_SPECIFY_IDENTITY"));
    } else if (!user.get().active()) {
      errors.add("identity", messages.text("DISABLED_ACCOUNT"));
    } else if (method.isEmpty()) {
      errors.add("passcode", messages.text("INVALID_PASSWORD_CODE"));
    } else if (login.confirmationRequired() && user.get().confirmedAt() == null) {
      errors.add("identity", messages.text("CONFIRMATION_REQUIRED"));
    }
    if (!errors.isEmpty()) {
      return new PasscodeOutcome.Rejected(generic(errors));
    }
    boolean remember = form.checkbox("remember").orElse(login.defaultRememberMe());
    return new PasscodeOutcome.Passed(user.get(), method.get(), remember, next);
  }

  /**
   * {@code POST /us-signin/send-code}: a code (and, by mail, a magic link built by {@code links})
   * to the identity's chosen method; {@code links} may be empty only when the method is not {@code
   * email}.
   */
  public SendOutcome sendSigninCode(Form form, Optional<Function<String, String>> links) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new SendOutcome.Rejected(400, errors.toMap());
    }
    Optional<String> identity = form.text("identity");
    if (identity.isEmpty()) {
      errors.add("identity", messages.text("FIELD_REQUIRED"));
      return new SendOutcome.Rejected(400, errors.toMap());
    }
    Optional<UserRecord> user = identities.find(identity.get());
    String method = form.text("chosen_method").orElse("");
    Optional<String> refusal = user.flatMap(u -> signinRefusal(u, method));
    if (user.isEmpty() || refusal.isPresent()) {
      if (login.genericResponses()) {
        // The answer must not tell the identity exists, nor may its time: a stand-in goes through
        // the work of a mailed send (counted on stand-in rows, its mail discarded, no event); a
        // text cannot be rehearsed.
        rehearseSend(identity.get(), method, links);
        return new SendOutcome.Sent();
      }
      passcodes.spendOneSecret();
      String field = user.isEmpty() || !user.get().active() ? "identity" : "chosen_method";
      errors.add(field, refusal.orElseGet(() -> messages.text("US_SPECIFY_IDENTITY")));
      return new SendOutcome.Rejected(400, errors.toMap());
    }
    SendOutcome sent = send(user.get(), method, method.equals("email") ? links : Optional.empty());
    // In generic mode a limit or a provider failure must not tell that the identity exists.
    return login.genericResponses() ? new SendOutcome.Sent() : sent;
  }

  /** {@code POST /us-verify}: the signed-in user's passcode. */
  public PasscodeOutcome verify(UserRecord user, Form form, String queryNext, String requestHost) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new PasscodeOutcome.Rejected(errors.toMap());
    }
    Optional<String> next = next(form, queryNext, requestHost, errors);
    Optional<String> passcode = form.text("passcode");
    Optional<String> method =
        passcode.isPresent()
            ? passcodes.match(Optional.of(user), user.email(), passcode.get())
            : Optional.empty();
    if (method.isEmpty()) {
      errors.add("passcode", messages.text("INVALID_PASSWORD_CODE"));
    }
    if (!errors.isEmpty()) {
      return new PasscodeOutcome.Rejected(errors.toMap());
    }
    return new PasscodeOutcome.Passed(user, method.get(), false, next);
  }

  /** {@code POST /us-verify/send-code}: a code (no magic link) to one of the user's methods. */
  public SendOutcome sendVerifyCode(UserRecord user, Form form) {
    FieldErrors errors = form.typeErrors(messages);
    if (!errors.isEmpty()) {
      return new SendOutcome.Rejected(400, errors.toMap());
    }
    String method = form.text("chosen_method").orElse("");
    Optional<String> refusal = methodRefusal(user, method);
    if (refusal.isPresent()) {
      return new SendOutcome.Rejected(400, errors.add("chosen_method", refusal.get()).toMap());
    }
    return send(user, method, Optional.empty());
  }

  /**
   * The user a magic link ({@code /us-verify-link?id=&code=}) signs in, or the message key of why
   * not: the code is checked against the user's email secret and accepted once.
   */
  public LinkOutcome verifyLink(String id, String code) {
    if (id == null || id.isEmpty() || code == null || code.isEmpty() || id.length() > 64) {
      return new LinkOutcome.Refused("API_ERROR");
    }
    Optional<UserRecord> user = users.findByUniquifier(id);
    if (user.isEmpty() || !user.get().active()) {
      passcodes.spendOneSecret();
      return new LinkOutcome.Refused(
          generic(user.isEmpty() ? "USER_DOES_NOT_EXIST" : "DISABLED_ACCOUNT"));
    }
    if (!passcodes.matchesMethod(user.get(), "email", code)) {
      return new LinkOutcome.Refused(generic("INVALID_CODE"));
    }
    return new LinkOutcome.Passed(user.get());
  }

  /** What a magic link leads to. */
  public sealed interface LinkOutcome {
    /** The link's user; the code is used up. */
    record Passed(UserRecord user) implements LinkOutcome {}

    /** Refused with this message. */
    record Refused(String messageKey) implements LinkOutcome {}
  }

  private SendOutcome send(
      UserRecord user, String method, Optional<Function<String, String>> links) {
    Optional<TotpKey> key =
        Optional.ofNullable(UsTotpSecrets.read(user.usTotpSecrets()).get(method))
            .flatMap(secrets::decrypt);
    if (key.isEmpty()) {
      return new SendOutcome.Rejected(
          400,
          new FieldErrors().add("chosen_method", messages.text("US_METHOD_NOT_AVAILABLE")).toMap());
    }
    CodeDelivery.Outcome outcome =
        sender.send(user, method, key.get(), user.usPhoneNumber(), true, links);
    if (outcome instanceof CodeDelivery.Outcome.Sent) {
      return new SendOutcome.Sent();
    }
    String text =
        outcome instanceof CodeDelivery.Outcome.Limited limited
            ? messages.text("CODE_SEND_LIMIT", Map.of("within", limited.retryAfter()))
            : messages.text("FAILED_TO_SEND_CODE");
    return new SendOutcome.Rejected(
        outcome instanceof CodeDelivery.Outcome.Limited ? 429 : 500,
        new FieldErrors().add("chosen_method", text).toMap());
  }

  private void rehearseSend(
      String identity, String method, Optional<Function<String, String>> links) {
    Optional<TotpKey> key = passcodes.standInKey();
    if (method.equals("email") && key.isPresent()) {
      Optional<String> email = EmailNormalizer.normalize(identity);
      sender.rehearse(decoys.user(email.orElse(null)), email.orElse(identity), key.get(), links);
    }
  }

  /** Why {@code user} may not get a sign-in code by {@code method}, as a message. */
  private Optional<String> signinRefusal(UserRecord user, String method) {
    if (!user.active()) {
      return Optional.of(messages.text("DISABLED_ACCOUNT"));
    }
    Optional<String> refusal = methodRefusal(user, method);
    if (refusal.isEmpty() && login.confirmationRequired() && user.confirmedAt() == null) {
      return Optional.of(messages.text("CONFIRMATION_REQUIRED"));
    }
    return refusal;
  }

  private Optional<String> methodRefusal(UserRecord user, String method) {
    if (!config.codeMethods().contains(method) || !activeMethods(user).contains(method)) {
      return Optional.of(messages.text("US_METHOD_NOT_AVAILABLE"));
    }
    if (method.equals("sms") && (user.usPhoneNumber() == null || user.usPhoneNumber().isEmpty())) {
      return Optional.of(messages.text("PHONE_INVALID"));
    }
    return Optional.empty();
  }

  private Optional<String> next(Form form, String queryNext, String host, FieldErrors errors) {
    Optional<String> next = form.text("next");
    if (next.isEmpty() && queryNext != null && !queryNext.isEmpty()) {
      next = Optional.of(queryNext);
    }
    Optional<String> valid = next.flatMap(n -> redirects.validate(n, host));
    if (next.isPresent() && valid.isEmpty()) {
      errors.add("next", messages.text("INVALID_REDIRECT"));
    }
    return valid;
  }

  /** With generic responses, identity and passcode errors become one form-level error. */
  private Map<String, List<String>> generic(FieldErrors errors) {
    if (!login.genericResponses()) {
      return errors.toMap();
    }
    FieldErrors generic = new FieldErrors();
    errors
        .toMap()
        .forEach(
            (field, list) -> {
              if (field.equals("identity") || field.equals("passcode")) {
                generic.add("", messages.text("GENERIC_AUTHN_FAILED"));
              } else {
                list.forEach(message -> generic.add(field, message));
              }
            });
    return generic.toMap();
  }

  private String generic(String messageKey) {
    return login.genericResponses() ? "GENERIC_AUTHN_FAILED" : messageKey;
  }
}
