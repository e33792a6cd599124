package dev.portcullis.impl.config;

import dev.portcullis.impl.mail.MailConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the mail keys ({@code mail.*}, {@code security.email_*}) into {@link MailConfig}. */
final class MailSettings {

  private final Settings settings;

  MailSettings(Settings settings) {
    this.settings = settings;
  }

  MailConfig read() {
    return readMail();
  }

  private MailConfig readMail() {
    boolean tls = settings.bool(MailKey.MAIL_USE_TLS);
    boolean ssl = settings.bool(MailKey.MAIL_USE_SSL);
    if (tls && ssl) {
      throw new ConfigurationException(
          MailKey.MAIL_USE_SSL, "cannot be true together with mail.use_tls: choose one");
    }
    boolean plaintext = settings.bool(MailKey.EMAIL_PLAINTEXT);
    boolean html = settings.bool(MailKey.EMAIL_HTML);
    if (!plaintext && !html) {
      throw new ConfigurationException(
          MailKey.EMAIL_HTML, "or security.email_plaintext must be true: a mail needs a body");
    }
    return new MailConfig(
        settings.parse(
            MailKey.MAIL_BACKEND,
            v -> MailConfig.MailBackend.valueOf(v.toUpperCase(Locale.ROOT)),
            "must be smtp or console"),
        settings.string(MailKey.MAIL_SERVER).trim(),
        mailPort(),
        tls,
        ssl,
        settings.optionalString(MailKey.MAIL_USERNAME),
        settings.raw(MailKey.MAIL_PASSWORD).filter(v -> !v.isEmpty() && !v.equals("none")),
        settings.positiveDuration(MailKey.MAIL_TIMEOUT),
        settings.optionalString(MailKey.MAIL_JNDI_SESSION),
        settings
            .optionalString(MailKey.EMAIL_SENDER)
            .orElseGet(() -> settings.string(MailKey.MAIL_DEFAULT_SENDER).trim()),
        plaintext,
        html,
        mailSubjects(),
        settings.positiveDuration(MailKey.MAIL_RETRY_INTERVAL),
        positiveInteger(MailKey.MAIL_MAX_ATTEMPTS),
        settings.positiveDuration(MailKey.MAIL_OUTBOX_FAILED_RETENTION));
  }

  private int mailPort() {
    int port = settings.integer(MailKey.MAIL_PORT);
    if (port < 1 || port > 65535) {
      throw new ConfigurationException(MailKey.MAIL_PORT, "must be 1 to 65535, not " + port);
    }
    return port;
  }

  /** Subject overrides by message key; the key's name is the message key. */
  private Map<String, String> mailSubjects() {
    Map<String, String> subjects = new java.util.HashMap<>();
    for (ConfigKey key :
        List.of(
            MailKey.EMAIL_SUBJECT_REGISTER,
            MailKey.EMAIL_SUBJECT_CONFIRM,
            MailKey.EMAIL_SUBJECT_PASSWORD_RESET,
            MailKey.EMAIL_SUBJECT_PASSWORD_NOTICE,
            MailKey.EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE,
            MailKey.EMAIL_SUBJECT_CHANGE_EMAIL,
            MailKey.EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE,
            MailKey.EMAIL_SUBJECT_TWO_FACTOR,
            MailKey.EMAIL_SUBJECT_TWO_FACTOR_RESCUE)) {
      Optional<String> subject = settings.optionalString(key);
      subject.ifPresent(s -> subjects.put(key.name(), s));
    }
    return subjects;
  }

  private int positiveInteger(ConfigKey key) {
    int value = settings.integer(key);
    if (value < 1) {
      throw new ConfigurationException(key, "must be at least 1, not " + value);
    }
    return value;
  }
}
