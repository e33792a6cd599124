/**
 * Mail: templates ({@link dev.portcullis.impl.mail.MustacheTemplates}), the persistent outbox
 * ({@code fs_mail_outbox}, {@link dev.portcullis.impl.mail.MailOutbox}), its background delivery
 * ({@link dev.portcullis.impl.mail.MailWorker}) and the default {@link
 * dev.portcullis.spi.MailSender} (SMTP through Jakarta Mail, or the log for development).
 *
 * <p>Ports Flask-Security's {@code MailUtil}/{@code send_mail} and the {@code security/email/}
 * templates. Unlike Flask-Security, which answers 500 and forgets the mail when SMTP is down, a
 * mail is committed to the outbox before the request completes and delivered, once, when SMTP is
 * back.
 */
package dev.portcullis.impl.mail;
