package dev.portcullis.impl.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.i18n.LocaleConfig;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MustacheTemplatesTest {

  private static final String LINK = "https://app.example.com/confirm/tok.en?x=1&y=2";

  @TempDir Path overrides;

  private final MustacheTemplates templates = new MustacheTemplates();
  private static final MailTexts TEXTS = new MailTexts(LocaleConfig.english());

  /** Every variable any template uses, with the English texts of {@code template}. */
  private static Map<String, Object> fullContext(MailTemplate template, String email) {
    Map<String, Object> user = new HashMap<>();
    user.put("email", email);
    user.put("username", "ann");
    Map<String, Object> context = new HashMap<>();
    context.put("user", user);
    context.put("email", email);
    context.put("username", "ann");
    context.put("new_email", "new@example.com");
    for (String link : new String[] {"confirmation_link", "recovery_link", "reset_link", "link"}) {
      context.put(link, LINK);
    }
    for (String token : new String[] {"confirmation_token", "reset_token", "token"}) {
      context.put(token, "tok.en");
    }
    context.put(
        "text",
        TEXTS.texts(
            template, Locale.ENGLISH, Map.of("email", email, "new_email", "new@example.com")));
    context.put("lang", "en");
    context.put("subject", "Subject");
    return context;
  }

  @Test
  void renderWhenEveryTemplateThenBothBodiesRendered() {
    for (MailTemplate template : MailTemplate.values()) {
      MustacheTemplates.Bodies bodies =
          templates.render(template, fullContext(template, "ann@example.com"), true, true);

      assertThat(bodies.text()).as(template + " text").isNotBlank().doesNotContain("{{");
      assertThat(bodies.html())
          .as(template + " html")
          .startsWith("<!DOCTYPE html>")
          .contains("</html>")
          .doesNotContain("{{");
      assertThat(bodies.text() + bodies.html())
          .as(template + " addressee")
          .containsAnyOf("ann@example.com", "new@example.com");
    }
  }

  @Test
  void renderWhenTemplateHasLinkThenLinkInTextVerbatimAndInHtmlEscaped() {
    MustacheTemplates.Bodies bodies =
        templates.render(
            MailTemplate.RESET_INSTRUCTIONS,
            fullContext(MailTemplate.RESET_INSTRUCTIONS, "a@example.com"),
            true,
            true);

    assertThat(bodies.text()).contains(LINK);
    // Mustache escapes '=' too; browsers decode character references in attributes.
    assertThat(bodies.html())
        .contains("href=\"https://app.example.com/confirm/tok.en?x&#61;1&amp;y&#61;2\"");
    assertThat(bodies.html()).doesNotContain("x=1&y=2");
  }

  @Test
  void renderWhenValuesHoldMarkupThenHtmlEscapedTextVerbatim() {
    String evil = "<script>alert('x')</script>\"&@example.com";

    MustacheTemplates.Bodies bodies =
        templates.render(MailTemplate.WELCOME, fullContext(MailTemplate.WELCOME, evil), true, true);

    assertThat(bodies.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(bodies.text()).contains(evil);
  }

  @Test
  void renderWhenOptionalLinkAbsentThenSectionOmitted() {
    Map<String, Object> context = fullContext(MailTemplate.CHANGE_NOTICE, "a@example.com");
    context.remove("recovery_link");

    MustacheTemplates.Bodies bodies =
        templates.render(MailTemplate.CHANGE_NOTICE, context, true, true);

    assertThat(bodies.text()).doesNotContain("https://");
    assertThat(bodies.html()).doesNotContain("href");
    assertThat(
            templates
                .render(
                    MailTemplate.CHANGE_NOTICE,
                    fullContext(MailTemplate.CHANGE_NOTICE, "a@example.com"),
                    true,
                    true)
                .html())
        .contains("href");
  }

  @Test
  void renderWhenOnlyOneBodyWantedThenOtherNull() {
    assertThat(
            templates
                .render(
                    MailTemplate.RESET_NOTICE,
                    fullContext(MailTemplate.RESET_NOTICE, "a@x.org"),
                    true,
                    false)
                .html())
        .isNull();
    assertThat(
            templates
                .render(
                    MailTemplate.RESET_NOTICE,
                    fullContext(MailTemplate.RESET_NOTICE, "a@x.org"),
                    false,
                    true)
                .text())
        .isNull();
  }

  @Test
  void renderWhenContextClassLoaderHasOverrideThenOverrideWinsOthersDefault() throws Exception {
    write("welcome.html.mustache", "<p>Custom welcome for {{user.email}}</p>");

    MustacheTemplates.Bodies bodies =
        withContextLoader(
            () ->
                new MustacheTemplates()
                    .render(
                        MailTemplate.WELCOME,
                        fullContext(MailTemplate.WELCOME, "a&b@example.com"),
                        true,
                        true));

    assertThat(bodies.html()).isEqualTo("<p>Custom welcome for a&amp;b@example.com</p>");
    assertThat(bodies.text()).contains(LINK);
  }

  @Test
  void compileAllWhenOverrideBrokenThenIllegalStateNamingTemplate() throws Exception {
    write("reset_notice.txt.mustache", "{{#unclosed}} oops");

    assertThatThrownBy(() -> withContextLoader(() -> compileAll(new MustacheTemplates())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("portcullis/mail/reset_notice.txt.mustache");
  }

  @Test
  void compileAllWhenDefaultsThenEveryTemplateCompiles() {
    templates.compileAll();
  }

  private static boolean compileAll(MustacheTemplates templates) {
    templates.compileAll();
    return true;
  }

  private void write(String name, String content) throws IOException {
    Path file = overrides.resolve(MustacheTemplates.ROOT + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code work} with a context class loader that sees only the override folder (as an
   * application's WEB-INF/classes, searched before the library's own templates).
   */
  private <T> T withContextLoader(Callable<T> work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader app = new URLClassLoader(new URL[] {overrides.toUri().toURL()}, null)) {
      thread.setContextClassLoader(app);
      return work.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
