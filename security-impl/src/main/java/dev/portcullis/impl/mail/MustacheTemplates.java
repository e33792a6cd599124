package dev.portcullis.impl.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The mail templates: the one adapter of the Mustache library (mustache.java). Ports the rendering
 * half of Flask-Security's {@code MailUtil}/{@code send_mail} ({@code security/email/<name>.txt}
 * and {@code .html}).
 *
 * <p>Templates live at {@value #ROOT}{@code <name>.txt.mustache} and {@code .html.mustache}. The
 * thread context class loader is asked first, so an application overrides a template by shipping a
 * file of the same name (e.g. {@code WEB-INF/classes/portcullis/mail/welcome.html.mustache});
 * Portcullis' own class loader supplies the defaults. HTML templates escape every {@code {{value}}}
 * (why: user-supplied names and addresses end up in the page); text templates write values as they
 * are. Compiled templates are cached per instance.
 */
@ApplicationScoped
public class MustacheTemplates {

  static final String ROOT = "portcullis/mail/";

  private final DefaultMustacheFactory html;
  private final DefaultMustacheFactory text;

  /** Templates from the thread context class loader, then Portcullis' own. */
  public MustacheTemplates() {
    this(MustacheTemplates.class.getClassLoader());
  }

  /** For tests: {@code fallback} holds the default templates. */
  MustacheTemplates(ClassLoader fallback) {
    MustacheResolver resolver = new OverridableResolver(fallback);
    this.html = new DefaultMustacheFactory(resolver);
    this.text = new PlainTextFactory(resolver);
  }

  /** The two bodies of one mail; a body not asked for is {@code null}. */
  public record Bodies(String text, String html) {}

  /**
   * Renders {@code template}'s bodies.
   *
   * @param context the template variables (maps may nest: {@code {{user.email}}})
   * @throws IllegalStateException when a template is missing or broken (a deployment bug)
   */
  public Bodies render(
      MailTemplate template, Map<String, Object> context, boolean withText, boolean withHtml) {
    return new Bodies(
        withText ? execute(text, template, "txt", context) : null,
        withHtml ? execute(html, template, "html", context) : null);
  }

  /** Compiles every template, so that a broken override fails the deployment, not a request. */
  public void compileAll() {
    for (MailTemplate template : MailTemplate.values()) {
      compile(text, template, "txt");
      compile(html, template, "html");
    }
  }

  private static String execute(
      DefaultMustacheFactory factory,
      MailTemplate template,
      String kind,
      Map<String, Object> context) {
    StringWriter out = new StringWriter();
    compile(factory, template, kind).execute(out, context);
    return out.toString();
  }

  private static Mustache compile(
      DefaultMustacheFactory factory, MailTemplate template, String kind) {
    String name = ROOT + template.templateName() + "." + kind + ".mustache";
    try {
      return factory.compile(name);
    } catch (MustacheException e) {
      throw new IllegalStateException("Mail template " + name + " is missing or broken", e);
    }
  }

  /** Writes values unescaped: text bodies are not HTML. */
  private static final class PlainTextFactory extends DefaultMustacheFactory {
    PlainTextFactory(MustacheResolver resolver) {
      super(resolver);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Thread context class loader first (the application's overrides), then the defaults. */
  private static final class OverridableResolver implements MustacheResolver {
    private final ClassLoader fallback;

    OverridableResolver(ClassLoader fallback) {
      this.fallback = fallback;
    }

    @Override
    public Reader getReader(String resourceName) {
      String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
      URL url = null;
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        url = context.getResource(name);
      }
      if (url == null) {
        url = fallback.getResource(name);
      }
      if (url == null) {
        return null;
      }
      try {
        InputStream in = url.openStream();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read mail template " + url, e);
      }
    }
  }
}
