package dev.portcullis.impl.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocaleConfigTest {

  private final LocaleConfig config =
      new LocaleConfig(Locale.ENGLISH, List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH));

  @Test
  void matchWhenGermanPreferredThenGerman() {
    assertEquals(Locale.GERMAN, config.match("de-DE,de;q=0.9,en;q=0.8"));
  }

  @Test
  void matchWhenRegionalVariantThenItsLanguage() {
    assertEquals(Locale.FRENCH, config.match("fr-CA"));
  }

  @Test
  void matchWhenWeightsOrderThenHighestOfferedWins() {
    assertEquals(Locale.FRENCH, config.match("it;q=1,fr;q=0.7,de;q=0.5"));
  }

  @Test
  void matchWhenNothingOfferedThenDefault() {
    assertEquals(Locale.ENGLISH, config.match("ja,zh;q=0.5"));
  }

  @Test
  void matchWhenHeaderMissingOrMalformedThenDefault() {
    assertEquals(Locale.ENGLISH, config.match(null));
    assertEquals(Locale.ENGLISH, config.match(""));
    assertEquals(Locale.ENGLISH, config.match(";;q=x,\u0000"));
    assertEquals(Locale.ENGLISH, config.match("de;q=2"));
    assertEquals(Locale.ENGLISH, config.match("de,".repeat(300)));
  }
}
