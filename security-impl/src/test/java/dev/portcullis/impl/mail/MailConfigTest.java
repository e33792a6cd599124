package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.config.ConfigurationException;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailConfigTest {

  private static MailConfig mail(Map<String, String> values) {
    return new SecurityConfiguration(MapConfig.valid(values)).mail();
  }

  @Test
  void mailWhenNothingSetThenFlaskDefaults() {
    MailConfig config = mail(Map.of());

    assertThat(config.backend()).isEqualTo(MailConfig.MailBackend.SMTP);
    assertThat(config.host()).isEqualTo("localhost");
    assertThat(config.port()).isEqualTo(25);
    assertThat(config.startTls()).isFalse();
    assertThat(config.ssl()).isFalse();
    assertThat(config.username()).isEmpty();
    assertThat(config.password()).isEmpty();
    assertThat(config.jndiSession()).isEmpty();
    assertThat(config.sender()).isEqualTo("no-reply@localhost");
    assertThat(config.plaintext()).isTrue();
    assertThat(config.html()).isTrue();
    assertThat(config.subjects()).isEmpty();
    assertThat(config.retryInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxAttempts()).isEqualTo(50);
    assertThat(config.failedRetention()).isEqualTo(Duration.ofDays(3));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void mailWhenSenderKeysSetThenEmailSenderWinsOverDefaultSender() {
    assertThat(mail(Map.of("mail.default_sender", "Shop <shop@example.com>")).sender())
        .isEqualTo("Shop <shop@example.com>");
    assertThat(
            mail(Map.of(
                    "mail.default_sender", "shop@example.com",
                    "security.email_sender", "security@example.com"))
                .sender())
        .isEqualTo("security@example.com");
  }

  @Test
  void mailWhenConsoleAndSubjectsSetThenRead() {
    MailConfig config =
        mail(
            Map.of(
                "mail.backend", "Console",
                "security.email_subject_register", "Hi there",
                "mail.username", "u",
                "mail.password", " p w ",
                "security.mail_retry_interval", "2 minutes",
                "security.mail_outbox_failed_retention", "PT12H"));

    assertThat(config.backend()).isEqualTo(MailConfig.MailBackend.CONSOLE);
    assertThat(config.subjects()).containsExactly(Map.entry("EMAIL_SUBJECT_REGISTER", "Hi there"));
    assertThat(config.username()).contains("u");
    assertThat(config.password()).isEqualTo(Optional.of(" p w "));
    assertThat(config.retryInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.failedRetention()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void toStringWhenPasswordSetThenMasked() {
    assertThat(mail(Map.of("mail.password", "hunter2")).toString())
        .doesNotContain("hunter2")
        .contains("password=***");
  }

  @Test
  void mailWhenInvalidThenConfigurationExceptionNamingKey() {
    assertThatThrownBy(() -> mail(Map.of("mail.use_tls", "true", "mail.use_ssl", "true")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("mail.use_ssl");
    assertThatThrownBy(
            () -> mail(Map.of("security.email_plaintext", "false", "security.email_html", "no")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.email_html");
    assertThatThrownBy(() -> mail(Map.of("mail.backend", "carrier-pigeon")))
        .hasMessageContaining("mail.backend");
    assertThatThrownBy(() -> mail(Map.of("mail.port", "70000"))).hasMessageContaining("mail.port");
    assertThatThrownBy(() -> mail(Map.of("security.mail_max_attempts", "0")))
        .hasMessageContaining("security.mail_max_attempts");
    assertThatThrownBy(() -> mail(Map.of("security.mail_retry_interval", "0")))
        .hasMessageContaining("security.mail_retry_interval");
    assertThatThrownBy(() -> mail(Map.of("security.mail_outbox_failed_retention", "none")))
        .hasMessageContaining("security.mail_outbox_failed_retention");
  }
}
