package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.spi.MailMessage;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class MailerTest {

  private static Mailer mailer(Map<String, String> values) throws Exception {
    Config config = MapConfig.valid(values);
    Mailer mailer = new Mailer();
    mailer.config = new SecurityConfiguration(config).mail();
    mailer.templates = new MustacheTemplates();
    Constructor<Messages> constructor = Messages.class.getDeclaredConstructor(Config.class);
    constructor.setAccessible(true);
    mailer.messages = constructor.newInstance(config);
    return mailer;
  }

  private static Map<String, Object> context() {
    Map<String, Object> context = new HashMap<>();
    context.put("user", Map.of("email", "ann@example.com", "username", "ann"));
    context.put("reset_link", "https://app.example.com/reset/t");
    context.put("reset_token", "t");
    return context;
  }

  @Test
  void renderWhenDefaultsThenSubjectFromBundleAndBothBodies() throws Exception {
    MailMessage message =
        mailer(Map.of()).render(MailTemplate.RESET_INSTRUCTIONS, "ann@example.com", context());

    assertThat(message.subject()).isEqualTo("Resetting your password");
    assertThat(message.from()).isEqualTo("no-reply@localhost");
    assertThat(message.to()).isEqualTo("ann@example.com");
    assertThat(message.textBody()).contains("https://app.example.com/reset/t");
    assertThat(message.htmlBody()).contains("https://app.example.com/reset/t");
  }

  @Test
  void renderWhenSubjectConfiguredThenFlaskKeyWinsOverMessageOverride() throws Exception {
    assertThat(
            mailer(Map.of("security.msg_email_subject_password_reset", "From msg"))
                .render(MailTemplate.RESET_INSTRUCTIONS, "a@example.com", context())
                .subject())
        .isEqualTo("From msg");
    assertThat(
            mailer(
                    Map.of(
                        "security.msg_email_subject_password_reset", "From msg",
                        "security.email_subject_password_reset", "From key"))
                .render(MailTemplate.RESET_INSTRUCTIONS, "a@example.com", context())
                .subject())
        .isEqualTo("From key");
  }

  @Test
  void renderWhenHtmlDisabledThenTextOnly() throws Exception {
    MailMessage message =
        mailer(Map.of("security.email_html", "false"))
            .render(MailTemplate.RESET_NOTICE, "a@example.com", context());

    assertThat(message.htmlBody()).isNull();
    assertThat(message.textBody()).isNotBlank();
  }

  @Test
  void subjectKeysWhenEveryTemplateThenInBundle() throws Exception {
    Mailer mailer = mailer(Map.of());
    for (MailTemplate template : MailTemplate.values()) {
      assertThat(mailer.messages.text(template.subjectKey())).as(template.name()).isNotBlank();
    }
  }
}
