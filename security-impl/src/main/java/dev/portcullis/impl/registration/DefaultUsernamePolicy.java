package dev.portcullis.impl.registration;

import dev.portcullis.impl.account.AccountConfig;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.spi.UsernamePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * Flask-Security's username rules (spec §7.12, {@code username_util.UsernameUtil}): no markup or
 * surrounding space, letters and digits only, normalized (NFKD by default), length within {@code
 * security.username_min_length}..{@code max_length} code points.
 */
@ApplicationScoped
public class DefaultUsernamePolicy implements UsernamePolicy {

  private AccountConfig config;
  private Messages messages;

  /** For CDI. */
  protected DefaultUsernamePolicy() {}

  /** A policy over the given settings (for use outside CDI, e.g. the CLI). */
  @Inject
  public DefaultUsernamePolicy(AccountConfig config, Messages messages) {
    this.config = config;
    this.messages = messages;
  }

  @Override
  public Result validate(String username) {
    if (!username.strip().equals(username) || containsMarkup(username)) {
      return invalid("USERNAME_ILLEGAL_CHARACTERS", Map.of());
    }
    if (!username.codePoints().allMatch(DefaultUsernamePolicy::isLetterOrNumber)) {
      return invalid("USERNAME_DISALLOWED_CHARACTERS", Map.of());
    }
    String normalized = normalize(username);
    long length = normalized.codePoints().count();
    if (length < config.usernameMinLength() || length > config.usernameMaxLength()) {
      return invalid(
          "USERNAME_INVALID_LENGTH",
          Map.of("min", config.usernameMinLength(), "max", config.usernameMaxLength()));
    }
    return new Result.Valid(normalized);
  }

  @Override
  public String normalize(String username) {
    String trimmed = username.strip();
    return config.usernameNormalizeForm() == null
        ? trimmed
        : Normalizer.normalize(trimmed, config.usernameNormalizeForm());
  }

  private Result invalid(String key, Map<String, ?> args) {
    return new Result.Invalid(List.of(messages.text(key, args)));
  }

  private static boolean containsMarkup(String value) {
    return value.chars().anyMatch(c -> c == '<' || c == '>' || c == '&' || c == '"' || c == '\'');
  }

  /** Unicode general categories L* and N*, as Flask-Security checks. */
  private static boolean isLetterOrNumber(int codePoint) {
    return Character.isLetter(codePoint)
        || Character.isDigit(codePoint)
        || Character.getType(codePoint) == Character.LETTER_NUMBER
        || Character.getType(codePoint) == Character.OTHER_NUMBER;
  }
}
