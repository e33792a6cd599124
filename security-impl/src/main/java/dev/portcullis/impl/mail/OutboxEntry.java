package dev.portcullis.impl.mail;

import dev.portcullis.impl.persistence.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/**
 * One rendered mail waiting in (or delivered from) the persistent outbox, table {@code
 * fs_mail_outbox}. Claims, delivery marks and failures are written with conditional updates by
 * {@link OutboxRepository}; this entity is only inserted and read. Bodies are cleared when the mail
 * is sent or given up ({@code failed_at}), since they hold live links.
 */
@Entity
@Table(name = "fs_mail_outbox")
public class OutboxEntry {

  @Id
  @TableGenerator(
      name = "fs_mail_outbox_id",
      table = "portcullis_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "fs_mail_outbox",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "fs_mail_outbox_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "sender", nullable = false, length = 320)
  private String sender;

  @Column(name = "recipient", nullable = false, length = 320)
  private String recipient;

  @Column(name = "subject", nullable = false, length = 1000)
  private String subject;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "sent_at")
  private Instant sentAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "failed_at")
  private Instant failedAt;

  public Long getId() {
    return id;
  }

  public String getSender() {
    return sender;
  }

  public void setSender(String sender) {
    this.sender = sender;
  }

  public String getRecipient() {
    return recipient;
  }

  public void setRecipient(String recipient) {
    this.recipient = recipient;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getTextBody() {
    return textBody;
  }

  public void setTextBody(String textBody) {
    this.textBody = textBody;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public void setHtmlBody(String htmlBody) {
    this.htmlBody = htmlBody;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public void setNextAttemptAt(Instant nextAttemptAt) {
    this.nextAttemptAt = nextAttemptAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Instant getClaimedUntil() {
    return claimedUntil;
  }

  public String getLastError() {
    return lastError;
  }

  /** When the outbox gave up on this mail (and dropped its bodies); {@code null} before. */
  public Instant getFailedAt() {
    return failedAt;
  }
}
