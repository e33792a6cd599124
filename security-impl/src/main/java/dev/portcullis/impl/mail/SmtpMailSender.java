package dev.portcullis.impl.mail;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends through Jakarta Mail ({@code mail.backend=smtp}): the one class that imports {@code
 * jakarta.mail}. Ports the transport half of Flask-Security's {@code MailUtil} (Flask-Mailman's
 * SMTP backend). Uses the server's Jakarta Mail implementation (Angus Mail on Payara).
 *
 * <p>The session comes from the container when {@code mail.jndi_session} names one, else from
 * {@code mail.server}, {@code mail.port}, {@code mail.use_tls} (STARTTLS, required), {@code
 * mail.use_ssl} (implicit TLS) and {@code mail.username}/{@code mail.password}. A mail with both
 * bodies is {@code multipart/alternative}, text first (RFC 2046 §5.1.4: the last part is the
 * preferred one). Jakarta Mail failures become {@link Delivery#failed} with a reason built from
 * exception types and messages only, which never quote the mail (why: bodies carry tokens).
 *
 * <p>Not a {@link MailSender} bean itself ({@code @Typed}): {@link DefaultMailSender} delegates to
 * it, so that applications replace the whole transport with one {@code @Alternative}.
 */
@ApplicationScoped
@Typed(SmtpMailSender.class)
public class SmtpMailSender implements MailSender {

  private static final int REASON_LENGTH = 500;

  private MailConfig config;
  private Clock clock;
  private volatile Session session;

  /** For CDI proxies. */
  protected SmtpMailSender() {}

  @Inject
  public SmtpMailSender(MailConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Delivery send(MailMessage message) {
    try {
      Session current = session();
      MimeMessage mime = toMime(current, message);
      if (config.jndiSession().isEmpty() && config.username().isPresent()) {
        Transport.send(mime, config.username().get(), config.password().orElse(""));
      } else {
        Transport.send(mime);
      }
      return Delivery.SENT;
    } catch (MessagingException e) {
      return Delivery.failed(reason(e));
    } catch (NamingException | ClassCastException e) {
      return Delivery.failed(
          "mail session " + config.jndiSession().orElse("?") + " unavailable: " + reason(e));
    }
  }

  private MimeMessage toMime(Session current, MailMessage message) throws MessagingException {
    MimeMessage mime = new MimeMessage(current);
    mime.setFrom(new InternetAddress(message.from(), true));
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
    mime.setSentDate(Date.from(clock.instant()));
    String text = message.textBody();
    String html = message.htmlBody();
    if (text != null && html != null) {
      Multipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(part(text, "plain"));
      alternative.addBodyPart(part(html, "html"));
      mime.setContent(alternative);
    } else if (html != null) {
      mime.setText(html, StandardCharsets.UTF_8.name(), "html");
    } else {
      mime.setText(text == null ? "" : text, StandardCharsets.UTF_8.name(), "plain");
    }
    return mime;
  }

  private static MimeBodyPart part(String body, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(body, StandardCharsets.UTF_8.name(), subtype);
    return part;
  }

  private Session session() throws NamingException {
    Session current = session;
    if (current == null) {
      current =
          config.jndiSession().isPresent()
              ? (Session) new InitialContext().lookup(config.jndiSession().get())
              : Session.getInstance(properties());
      session = current;
    }
    return current;
  }

  /** Jakarta Mail session properties for the configured server (no password: given per send). */
  Properties properties() {
    String protocol = config.ssl() ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    String timeout = Long.toString(config.timeout().toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", protocol);
    p.setProperty(prefix + "host", config.host());
    p.setProperty(prefix + "port", Integer.toString(config.port()));
    p.setProperty(prefix + "connectiontimeout", timeout);
    p.setProperty(prefix + "timeout", timeout);
    p.setProperty(prefix + "writetimeout", timeout);
    p.setProperty(prefix + "auth", Boolean.toString(config.username().isPresent()));
    if (config.startTls()) {
      // Required, not opportunistic: the operator asked for TLS, so never fall back to plain text.
      p.setProperty(prefix + "starttls.enable", "true");
      p.setProperty(prefix + "starttls.required", "true");
    }
    if (config.ssl() || config.startTls()) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    return p;
  }

  /** Exception types and messages down the cause chain; no mail content. */
  static String reason(Exception failure) {
    StringBuilder reason = new StringBuilder();
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
      if (depth > 0) {
        reason.append(" <- ");
      }
      reason.append(t.getClass().getSimpleName());
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        reason.append(": ").append(message.strip().lines().findFirst().orElse(""));
      }
    }
    return reason.length() <= REASON_LENGTH
        ? reason.toString()
        : reason.substring(0, REASON_LENGTH);
  }
}
