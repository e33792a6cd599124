package dev.portcullis.impl.password;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * zxcvbn password strength through zxcvbn4j ({@code com.nulab-inc:zxcvbn}), Flask-Security's {@code
 * password_complexity_validator} (spec §6.5 step 3). The only class that imports zxcvbn4j.
 *
 * <p>User inputs are sanitized before zxcvbn sees them: lower-cased, trimmed, blanks dropped, at
 * most {@link #MAX_INPUTS} values of at most {@link #MAX_INPUT_LENGTH} characters (why: they come
 * from the request, and zxcvbn's matching grows with them). An email also contributes its local
 * part and its words, so {@code jane.doe@example.org} makes {@code janedoe2024} weak too.
 */
final class ZxcvbnEstimator {

  static final int MAX_INPUTS = 32;
  static final int MAX_INPUT_LENGTH = 100;
  private static final int MIN_WORD_LENGTH = 3;

  /** Loads the dictionaries once; {@code measure} keeps no state between calls. */
  private final Zxcvbn zxcvbn = new Zxcvbn();

  /** A zxcvbn verdict: score 0–4 and the warning, if zxcvbn has one. */
  record Estimate(int score, Optional<String> warning) {}

  Estimate estimate(String password, Set<String> userInputs) {
    Strength strength = zxcvbn.measure(password, sanitize(userInputs));
    String warning = strength.getFeedback().getWarning();
    Estimate estimate =
        new Estimate(strength.getScore(), Optional.ofNullable(warning).filter(w -> !w.isBlank()));
    strength.wipe();
    return estimate;
  }

  static List<String> sanitize(Set<String> userInputs) {
    Set<String> inputs = new LinkedHashSet<>();
    for (String raw : userInputs) {
      if (raw == null) {
        continue;
      }
      String value = raw.strip().toLowerCase(Locale.ROOT);
      if (value.isEmpty() || value.length() > MAX_INPUT_LENGTH) {
        continue;
      }
      inputs.add(value);
      int at = value.lastIndexOf('@');
      if (at > 0) {
        inputs.add(value.substring(0, at));
      }
      for (String word : value.split("[^\\p{L}\\p{N}]+")) {
        if (word.length() >= MIN_WORD_LENGTH) {
          inputs.add(word);
        }
      }
    }
    return new ArrayList<>(inputs).subList(0, Math.min(inputs.size(), MAX_INPUTS));
  }
}
