package dev.portcullis.impl.mail;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Mail settings: Flask-Mail(man)'s {@code MAIL_*} keys, Flask-Security's {@code EMAIL_*} keys and
 * Portcullis' outbox settings. Built by {@code SecurityConfiguration#mail()}.
 *
 * @param backend where mails go
 * @param host SMTP host ({@code mail.server})
 * @param port SMTP port
 * @param startTls require STARTTLS ({@code mail.use_tls})
 * @param ssl implicit TLS ({@code mail.use_ssl})
 * @param username SMTP login, empty for none
 * @param password SMTP password, empty for none; never logged
 * @param timeout connect/read/write timeout of one attempt
 * @param jndiSession JNDI name of a container mail session that replaces the SMTP settings
 * @param sender the From address ({@code security.email_sender}, else {@code mail.default_sender})
 * @param plaintext render and send the text body
 * @param html render and send the HTML body
 * @param subjects subject texts configured by key ({@code security.email_subject_*}), keyed by the
 *     message key ({@code EMAIL_SUBJECT_REGISTER}); a missing key means "from the bundle"
 * @param retryInterval period of the outbox sweep and first retry delay
 * @param maxAttempts attempts before the outbox gives up on a mail (and drops its bodies)
 * @param failedRetention how long a given-up mail's row (recipient, subject, last error) is kept
 */
public record MailConfig(
    MailBackend backend,
    String host,
    int port,
    boolean startTls,
    boolean ssl,
    Optional<String> username,
    Optional<String> password,
    Duration timeout,
    Optional<String> jndiSession,
    String sender,
    boolean plaintext,
    boolean html,
    Map<String, String> subjects,
    Duration retryInterval,
    int maxAttempts,
    Duration failedRetention) {

  /** Where mails go. */
  public enum MailBackend {
    /** Jakarta Mail to an SMTP server or a container mail session. */
    SMTP,
    /** The server log; for development only. */
    CONSOLE
  }

  public MailConfig {
    subjects = Map.copyOf(subjects);
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "MailConfig[backend="
        + backend
        + ", host="
        + host
        + ", port="
        + port
        + ", startTls="
        + startTls
        + ", ssl="
        + ssl
        + ", username="
        + username.orElse("-")
        + ", password="
        + (password.isPresent() ? "***" : "-")
        + ", jndiSession="
        + jndiSession.orElse("-")
        + ", sender="
        + sender
        + "]";
  }
}
