package dev.portcullis.impl.mail;

/**
 * Every email Portcullis sends, named after Flask-Security's templates ({@code
 * security/email/<name>.txt|html}), with the message key of its subject.
 */
public enum MailTemplate {
  WELCOME("welcome", "EMAIL_SUBJECT_REGISTER"),
  WELCOME_EXISTING("welcome_existing", "EMAIL_SUBJECT_REGISTER"),
  WELCOME_EXISTING_USERNAME("welcome_existing_username", "EMAIL_SUBJECT_REGISTER"),
  CONFIRMATION_INSTRUCTIONS("confirmation_instructions", "EMAIL_SUBJECT_CONFIRM"),
  RESET_INSTRUCTIONS("reset_instructions", "EMAIL_SUBJECT_PASSWORD_RESET"),
  RESET_NOTICE("reset_notice", "EMAIL_SUBJECT_PASSWORD_NOTICE"),
  CHANGE_NOTICE("change_notice", "EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE"),
  CHANGE_EMAIL_INSTRUCTIONS("change_email_instructions", "EMAIL_SUBJECT_CHANGE_EMAIL"),
  CHANGE_EMAIL_NOTICE("change_email_notice", "EMAIL_SUBJECT_CHANGE_EMAIL_NOTICE"),
  TWO_FACTOR_INSTRUCTIONS("two_factor_instructions", "EMAIL_SUBJECT_TWO_FACTOR"),
  TWO_FACTOR_RESCUE("two_factor_rescue", "EMAIL_SUBJECT_TWO_FACTOR_RESCUE"),
  US_INSTRUCTIONS("us_instructions", "US_EMAIL_SUBJECT");

  private final String templateName;
  private final String subjectKey;

  MailTemplate(String templateName, String subjectKey) {
    this.templateName = templateName;
    this.subjectKey = subjectKey;
  }

  /** Flask-Security's template name, e.g. {@code welcome}. */
  public String templateName() {
    return templateName;
  }

  /** The message key of the subject, e.g. {@code EMAIL_SUBJECT_REGISTER}. */
  public String subjectKey() {
    return subjectKey;
  }
}
