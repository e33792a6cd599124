package dev.portcullis.spi;

import java.util.List;

/**
 * Validates and normalizes usernames (Flask-Security's {@code UsernameUtil}): allowed characters,
 * Unicode normalization and length. The default follows Flask-Security; replace it for other rules.
 *
 * <pre>{@code
 * UsernamePolicy.Result r = policy.validate("Ann_1");
 * if (r instanceof UsernamePolicy.Result.Invalid bad) fieldErrors.put("username", bad.messages());
 * }</pre>
 */
public interface UsernamePolicy {

  /** Validates a submitted username. */
  Result validate(String username);

  /** Normalizes a username for look-ups, without validating it. */
  String normalize(String username);

  /** The outcome of {@link #validate}. */
  sealed interface Result {
    /**
     * Acceptable.
     *
     * @param normalized the value to store
     */
    record Valid(String normalized) implements Result {}

    /**
     * Not acceptable.
     *
     * @param messages user-visible reasons
     */
    record Invalid(List<String> messages) implements Result {

      /** Copies the list. */
      public Invalid {
        messages = List.copyOf(messages);
      }
    }
  }
}
