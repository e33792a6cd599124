package dev.portcullis.impl.authentication;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Syntax-only email normalization for look-ups (Flask-Security {@code MailUtil.normalize}, which
 * runs email-validator without deliverability checks): the local part is NFC-normalized and kept as
 * typed, the domain is lower-cased and must be a valid (IDNA) host name with a dot.
 */
public final class EmailNormalizer {

  private static final int MAX_LENGTH = 254;

  private EmailNormalizer() {}

  /** The normalized address, or empty when the text is not a syntactically valid address. */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    int at = value.lastIndexOf('@');
    if (value.isEmpty() || value.length() > MAX_LENGTH || at <= 0 || at == value.length() - 1) {
      return Optional.empty();
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!validLocal(local) || !validDomain(domain)) {
      return Optional.empty();
    }
    return Optional.of(local + "@" + domain);
  }

  private static boolean validLocal(String local) {
    if (local.length() > 64
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")) {
      return false;
    }
    return local.codePoints().allMatch(EmailNormalizer::isLocalCharacter);
  }

  private static boolean isLocalCharacter(int c) {
    if (c > 127) {
      return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
    return Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0;
  }

  private static boolean validDomain(String domain) {
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (ascii.length() > 253 || !ascii.contains(".") || ascii.endsWith(".")) {
      return false;
    }
    for (String label : ascii.split("\\.")) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
    }
    String tld = ascii.substring(ascii.lastIndexOf('.') + 1);
    return !tld.chars().allMatch(Character::isDigit);
  }
}
