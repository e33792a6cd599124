package dev.portcullis.impl.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as Flask-Security's {@code PhoneUtil} treats them, through libphonenumber (the
 * library Python's {@code phonenumbers} ports): a number typed in any common way — with spaces,
 * dashes, brackets, a leading {@code 00} or a national prefix — is valid when libphonenumber says
 * so for the region ({@code security.phone_region_default} for numbers without {@code +}), and is
 * stored and dialled in E.164. The one class that uses libphonenumber.
 */
public final class PhoneNumbers {

  /** Longer input is not a phone number, and parsing it would only cost time. */
  private static final int MAX_INPUT = 64;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final String defaultRegion;

  /**
   * @param defaultRegion ISO 3166 region for numbers typed without a country code (Flask's {@code
   *     PHONE_REGION_DEFAULT}, default {@code US})
   * @throws IllegalArgumentException when the region is unknown to libphonenumber
   */
  public PhoneNumbers(String defaultRegion) {
    if (!util.getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException(
          "security.phone_region_default: unknown region '" + defaultRegion + "'");
    }
    this.defaultRegion = defaultRegion;
  }

  /** The number in E.164 ({@code +14155550123}), or empty when it is not a valid number. */
  public Optional<String> canonical(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > MAX_INPUT) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = util.parse(typed, defaultRegion);
      return util.isValidNumber(number)
          ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
