package dev.portcullis.impl.config;

/** Keys of mail: transport, sender, bodies, subjects and the outbox. See {@link ConfigKey}. */
public enum MailKey implements ConfigKey {
  MAIL_BACKEND(
      new KeySpec(
          "mail.backend",
          "smtp",
          "MAIL_BACKEND (Flask-Mailman)",
          "smtp sends through Jakarta Mail; console prints every mail to the log (development only).")),
  MAIL_SERVER(new KeySpec("mail.server", "localhost", "MAIL_SERVER", "SMTP host.")),
  MAIL_PORT(new KeySpec("mail.port", "25", "MAIL_PORT", "SMTP port.")),
  MAIL_USE_TLS(
      new KeySpec(
          "mail.use_tls",
          "false",
          "MAIL_USE_TLS",
          "Require STARTTLS on the SMTP connection (exclusive with mail.use_ssl).")),
  MAIL_USE_SSL(
      new KeySpec(
          "mail.use_ssl",
          "false",
          "MAIL_USE_SSL",
          "Connect with implicit TLS (SMTPS, usually port 465; exclusive with mail.use_tls).")),
  MAIL_USERNAME(
      new KeySpec(
          "mail.username", "none", "MAIL_USERNAME", "SMTP login; none = no authentication.")),
  MAIL_PASSWORD(
      new KeySpec("mail.password", "none", "MAIL_PASSWORD", "SMTP password (never logged).")),
  MAIL_DEFAULT_SENDER(
      new KeySpec(
          "mail.default_sender",
          "no-reply@localhost",
          "MAIL_DEFAULT_SENDER",
          "From address when security.email_sender is not set; 'Name <address>' allowed.")),
  MAIL_TIMEOUT(
      new KeySpec(
          "mail.timeout",
          "30 seconds",
          "MAIL_TIMEOUT (Flask-Mailman)",
          "Connect, read and write timeout of one SMTP delivery attempt.")),
  MAIL_JNDI_SESSION(
      new KeySpec(
          "mail.jndi_session",
          "none",
          "(Portcullis)",
          "JNDI name of a container mail session (e.g. java:app/mail/portcullis); when set it is used"
              + " instead of mail.server, mail.port, TLS and login settings.")),
  EMAIL_SENDER(
      new KeySpec(
          "security.email_sender",
          "none",
          "SECURITY_EMAIL_SENDER",
          "From address of Portcullis' mails; none = mail.default_sender.")),
  EMAIL_PLAINTEXT(
      new KeySpec(
          "security.email_plaintext",
          "true",
          "SECURITY_EMAIL_PLAINTEXT",
          "Send a text/plain body.")),
  EMAIL_HTML(
      new KeySpec("security.email_html", "true", "SECURITY_EMAIL_HTML", "Send a text/html body.")),
  EMAIL_SUBJECT_REGISTER(
      new KeySpec(
          "security.email_subject_register",
          "none",
          "SECURITY_EMAIL_SUBJECT_REGISTER",
          "Subject of the welcome mails; none = message EMAIL_SUBJECT_REGISTER of the bundle.")),
  EMAIL_SUBJECT_CONFIRM(
      new KeySpec(
          "security.email_subject_confirm",
          "none",
          "SECURITY_EMAIL_SUBJECT_CONFIRM",
          "Subject of the confirmation instructions; none = the bundle's EMAIL_SUBJECT_CONFIRM.")),
  EMAIL_SUBJECT_PASSWORD_RESET(
      new KeySpec(
          "security.email_subject_password_reset",
          "none",
          "SECURITY_EMAIL_SUBJECT_PASSWORD_RESET",
          "Subject of the reset instructions; none = the bundle's EMAIL_SUBJECT_PASSWORD_RESET.")),
  EMAIL_SUBJECT_PASSWORD_NOTICE(
      new KeySpec(
          "security.email_subject_password_notice",
          "none",
          "SECURITY_EMAIL_SUBJECT_PASSWORD_NOTICE",
          "Subject of the reset notice; none = the bundle's EMAIL_SUBJECT_PASSWORD_NOTICE.")),
  EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE(
      new KeySpec(
          "security.email_subject_password_change_notice",
          "none",
          "SECURITY_EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE",
          "Subject of the change notice; none = the bundle's EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE.")),
  EMAIL_SUBJECT_CHANGE_EMAIL(
      new KeySpec(
          "security.email_subject_change_email",
          "none",
          "(Portcullis)",
          "Subject of the change-email instructions; none = the bundle's EMAIL_SUBJECT_CHANGE_EMAIL.")),
  EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE(
      new KeySpec(
          "security.email_subject_change_email_notice",
          "none",
          "(Portcullis)",
          "Subject of the change-email notice; none = the bundle's EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE.")),
  EMAIL_SUBJECT_TWO_FACTOR(
      new KeySpec(
          "security.email_subject_two_factor",
          "none",
          "SECURITY_EMAIL_SUBJECT_TWO_FACTOR",
          "Subject of the mail with a two-factor code; none = the bundle's"
              + " EMAIL_SUBJECT_TWO_FACTOR.")),
  EMAIL_SUBJECT_TWO_FACTOR_RESCUE(
      new KeySpec(
          "security.email_subject_two_factor_rescue",
          "none",
          "SECURITY_EMAIL_SUBJECT_TWO_FACTOR_RESCUE",
          "Subject of the help request mailed to security.two_factor_rescue_mail; none = the"
              + " bundle's EMAIL_SUBJECT_TWO_FACTOR_RESCUE.")),
  MAIL_RETRY_INTERVAL(
      new KeySpec(
          "security.mail_retry_interval",
          "30 seconds",
          "(Portcullis)",
          "How often the outbox looks for mails due for (re)delivery; also the first retry delay,"
              + " doubled per failed attempt up to one hour.")),
  MAIL_MAX_ATTEMPTS(
      new KeySpec(
          "security.mail_max_attempts",
          "50",
          "(Portcullis)",
          "Delivery attempts per mail before the outbox gives up; its text and HTML bodies are"
              + " dropped then.")),
  MAIL_OUTBOX_FAILED_RETENTION(
      new KeySpec(
          "security.mail_outbox_failed_retention",
          "3 days",
          "(Portcullis)",
          "How long the outbox keeps the row of a mail it gave up on (recipient, subject, last"
              + " error; no body) before deleting it. Sent rows are deleted after 7 days."));

  private final KeySpec spec;

  MailKey(KeySpec spec) {
    this.spec = spec;
  }

  @Override
  public KeySpec spec() {
    return spec;
  }
}
