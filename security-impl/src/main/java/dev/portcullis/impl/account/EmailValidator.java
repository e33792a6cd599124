package dev.portcullis.impl.account;

import dev.portcullis.impl.authentication.EmailNormalizer;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FieldErrors;
import dev.portcullis.impl.rest.Form;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Hashtable;
import java.util.Optional;
import javax.naming.NamingException;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;

/**
 * Full email validation for registration, forgot-password, confirmation and change-email
 * (Flask-Security {@code MailUtil.validate}): the syntax and normalization of {@link
 * EmailNormalizer}, plus — only when {@code security.email_check_deliverability} is on — a DNS
 * look-up that the domain has MX or A records.
 */
@ApplicationScoped
public class EmailValidator {

  private AccountConfig config;

  /** For CDI. */
  protected EmailValidator() {}

  @Inject
  EmailValidator(AccountConfig config) {
    this.config = config;
  }

  /** The normalized address, or empty when it is invalid (or undeliverable, if checked). */
  public Optional<String> validate(String email) {
    Optional<String> normalized = EmailNormalizer.normalize(email);
    if (normalized.isEmpty() || !config.emailCheckDeliverability()) {
      return normalized;
    }
    String domain = normalized.get().substring(normalized.get().lastIndexOf('@') + 1);
    return hasMailRecords(java.net.IDN.toASCII(domain)) ? normalized : Optional.empty();
  }

  /**
   * The required {@code email} field of a form, validated: the normalized address, or empty with
   * {@code EMAIL_NOT_PROVIDED} or {@code INVALID_EMAIL_ADDRESS} added to {@code errors}.
   */
  public Optional<String> validateField(Form form, FieldErrors errors, Messages messages) {
    if (form.text("email").isEmpty()) {
      errors.add("email", messages.text("EMAIL_NOT_PROVIDED"));
      return Optional.empty();
    }
    Optional<String> email = validate(form.text("email").get());
    if (email.isEmpty()) {
      errors.add("email", messages.text("INVALID_EMAIL_ADDRESS"));
    }
    return email;
  }

  private static boolean hasMailRecords(String domain) {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("com.sun.jndi.dns.timeout.initial", "2000");
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    try {
      Attributes records =
          new InitialDirContext(env).getAttributes(domain, new String[] {"MX", "A", "AAAA"});
      return records.size() > 0;
    } catch (NamingException e) {
      return false;
    }
  }
}
