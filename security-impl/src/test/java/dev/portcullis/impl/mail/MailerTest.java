package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.i18n.LocaleConfig;
import dev.portcullis.impl.messages.RequestMessages;
import dev.portcullis.spi.MailMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class MailerTest {

  private static Mailer mailer(Map<String, String> values) throws Exception {
    return mailer(values, Locale.ENGLISH);
  }

  /** A mailer whose requests all ask for {@code language}. */
  private static Mailer mailer(Map<String, String> values, Locale language) throws Exception {
    Config config = MapConfig.valid(values);
    LocaleConfig locales = new SecurityConfiguration(config).locales();
    Mailer mailer = new Mailer();
    mailer.config = new SecurityConfiguration(config).mail();
    mailer.templates = new MustacheTemplates();
    mailer.texts = new MailTexts(locales);
    mailer.messages = RequestMessages.asking(config, locales, language);
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
  void renderWhenGermanRequestThenSubjectAndBothBodiesGerman() throws Exception {
    MailMessage message =
        mailer(Map.of(), Locale.GERMAN)
            .render(MailTemplate.RESET_INSTRUCTIONS, "ann@example.com", context());

    assertThat(message.subject()).isEqualTo("Zurücksetzen Ihres Passworts");
    assertThat(message.textBody())
        .startsWith("Hallo ann@example.com,")
        .contains("Um ein neues Passwort zu wählen, öffnen Sie diesen Link:")
        .contains("https://app.example.com/reset/t")
        .doesNotContain("password");
    assertThat(message.htmlBody())
        .contains("<html lang=\"de\">")
        .contains("<title>Zurücksetzen Ihres Passworts</title>")
        .contains(">Neues Passwort wählen</a>")
        .contains("Falls die Schaltfläche nicht funktioniert")
        .doesNotContain("password");
  }

  @Test
  void renderWhenFrenchRequestThenFrenchAndPlaceholdersFilled() throws Exception {
    Map<String, Object> context = context();
    context.put("new_email", "new@example.com");
    context.put("link", "https://app.example.com/change/t");

    MailMessage message =
        mailer(Map.of(), Locale.FRENCH)
            .render(MailTemplate.CHANGE_EMAIL_INSTRUCTIONS, "new@example.com", context);

    assertThat(message.subject()).isEqualTo("Confirmez votre nouvelle adresse e-mail");
    assertThat(message.textBody())
        .startsWith("Bonjour,")
        .contains("vous avez demandé à utiliser new@example.com comme adresse e-mail");
    assertThat(message.htmlBody()).contains("<html lang=\"fr\">").contains("Bonjour,");
  }

  @Test
  void renderWhenNoRequestLanguageThenEnglishAsBefore() throws Exception {
    MailMessage message =
        mailer(Map.of()).render(MailTemplate.RESET_INSTRUCTIONS, "ann@example.com", context());

    assertThat(message.textBody())
        .startsWith("Hello ann@example.com,")
        .contains("To choose a new password, open this link:");
    assertThat(message.htmlBody())
        .contains("<html lang=\"en\">")
        .contains("If the button does not work, copy this address into your browser:");
  }

  /**
   * The HTML mails call their link a button, so it must look like one, with the address repeated as
   * plain text under it for mail readers that strip styles; the text mails, which have no button,
   * must not mention one (issue 13: "If the button does not work" stood above a plain link).
   */
  @Test
  void renderWhenMailHasLinkThenHtmlShowsButtonThenAddressAndTextMentionsNoButton()
      throws Exception {
    String link = "https://app.example.com/link/t";
    Map<String, Object> context = context();
    for (String name : List.of("confirmation_link", "reset_link", "recovery_link", "link")) {
      context.put(name, link);
    }
    context.put("new_email", "new@example.com");
    int withButton = 0;
    for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH)) {
      Mailer mailer = mailer(Map.of(), locale);
      for (MailTemplate template : MailTemplate.values()) {
        MailMessage message = mailer.render(template, "ann@example.com", context);
        String html = message.htmlBody();
        if (!html.contains("href=\"" + link + "\"")) {
          continue;
        }
        String fallback = html.substring(html.indexOf("</a>"));
        assertThat(html)
            .as("%s/%s: the link is styled as a button", template, locale)
            .containsPattern(
                "<a href=\"" + link + "\" style=\"display: inline-block;[^\"]*\">[^<]+</a>");
        assertThat(fallback)
            .as("%s/%s: the address follows as text", template, locale)
            .containsPattern("<br>" + link + "</p>");
        String fallbackSentence =
            fallback.substring(fallback.indexOf("<p>") + 3, fallback.indexOf("<br>"));
        assertThat(message.textBody())
            .as("%s/%s: the text mail has no button", template, locale)
            .contains(link)
            .doesNotContain(fallbackSentence);
        withButton++;
      }
    }
    assertThat(withButton).as("templates with a button, in three languages").isEqualTo(6 * 3);
  }

  @Test
  void renderWhenSubjectConfiguredThenSameSubjectInEveryLanguage() throws Exception {
    Map<String, String> values = Map.of("security.email_subject_password_reset", "Reset");

    assertThat(
            mailer(values, Locale.GERMAN)
                .render(MailTemplate.RESET_INSTRUCTIONS, "a@example.com", context())
                .subject())
        .isEqualTo("Reset");
  }

  @Test
  void subjectKeysWhenEveryTemplateThenInBundle() throws Exception {
    Mailer mailer = mailer(Map.of());
    for (MailTemplate template : MailTemplate.values()) {
      assertThat(mailer.messages.text(template.subjectKey())).as(template.name()).isNotBlank();
    }
  }
}
