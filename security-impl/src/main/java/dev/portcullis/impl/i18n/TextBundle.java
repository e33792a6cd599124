package dev.portcullis.impl.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One family of texts in every language: Portcullis' bundle ({@code <base>.properties} for English,
 * {@code <base>_de.properties}, ...) with the application's bundle ({@code security.i18n_bundle})
 * layered over it.
 *
 * <p>A text for {@code de-CH} is looked up from the most specific language to the least, and within
 * one language the application before Portcullis: application {@code de_CH}, Portcullis {@code
 * de_CH}, application {@code de}, Portcullis {@code de}, application root, Portcullis root
 * (English). So an application's English text (its root file) never hides Portcullis' German one,
 * and a language the application adds shows English wherever it has no text yet.
 *
 * <p>Unlike {@link ResourceBundle#getBundle(String)}, the JVM's default locale plays no part (why:
 * a server started with {@code -Duser.language=de} must still answer an English request in
 * English), and files are read as UTF-8 whatever {@code java.util.PropertyResourceBundle.encoding}
 * says; a file that is not valid UTF-8 fails loudly instead of showing garbled text. Files are read
 * once.
 */
public final class TextBundle {

  private static final ResourceBundle.Control NAMING =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final List<Layer> layers;
  private final Map<Locale, List<ResourceBundle>> chains = new ConcurrentHashMap<>();

  /**
   * @param baseName Portcullis' bundle, e.g. {@code dev.portcullis.impl.messages.messages}
   * @param own the class loader holding it
   * @param applicationBaseName the application's bundle, looked up through the thread context class
   *     loader of the caller (the application's, in a WAR)
   */
  public TextBundle(String baseName, ClassLoader own, Optional<String> applicationBaseName) {
    List<Layer> all = new ArrayList<>();
    applicationBaseName.ifPresent(name -> all.add(new Layer(name, applicationLoader(own))));
    all.add(new Layer(baseName, own));
    this.layers = List.copyOf(all);
  }

  /** The text of {@code key} in {@code locale}, following the order above. */
  public Optional<String> find(String key, Locale locale) {
    for (ResourceBundle bundle : chain(locale)) {
      if (bundle.containsKey(key)) {
        return Optional.of(bundle.getString(key));
      }
    }
    return Optional.empty();
  }

  /**
   * Every text whose key starts with {@code prefix}, by the rest of its key, each in the most
   * specific version the order above finds.
   */
  public Map<String, String> withPrefix(String prefix, Locale locale) {
    List<ResourceBundle> chain = chain(locale);
    Map<String, String> texts = new HashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      ResourceBundle bundle = chain.get(i);
      for (String key : bundle.keySet()) {
        if (key.startsWith(prefix)) {
          texts.put(key.substring(prefix.length()), bundle.getString(key));
        }
      }
    }
    return texts;
  }

  /** Reads every file for {@code locales} now, so that a broken one fails the deployment. */
  public void load(Collection<Locale> locales) {
    locales.forEach(this::chain);
  }

  private List<ResourceBundle> chain(Locale locale) {
    return chains.computeIfAbsent(locale, this::readChain);
  }

  private List<ResourceBundle> readChain(Locale locale) {
    List<ResourceBundle> chain = new ArrayList<>();
    for (Locale candidate : NAMING.getCandidateLocales("", locale)) {
      for (Layer layer : layers) {
        layer.read(candidate).ifPresent(chain::add);
      }
    }
    return List.copyOf(chain);
  }

  private static ClassLoader applicationLoader(ClassLoader own) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context == null ? own : context;
  }

  /** One bundle family: a base name on a class loader. */
  private record Layer(String baseName, ClassLoader loader) {

    Optional<ResourceBundle> read(Locale locale) {
      String file = NAMING.toResourceName(NAMING.toBundleName(baseName, locale), "properties");
      InputStream in = loader.getResourceAsStream(file);
      if (in == null) {
        return Optional.empty();
      }
      try (Reader reader =
          new InputStreamReader(
              in,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT))) {
        return Optional.of(new PropertyResourceBundle(reader));
      } catch (CharacterCodingException e) {
        throw new IllegalStateException("Text bundle " + file + " is not valid UTF-8", e);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read text bundle " + file, e);
      }
    }
  }
}
