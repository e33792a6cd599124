package dev.portcullis.impl.recoverycodes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A user's recovery codes as stored in {@code mf_recovery_codes}: Flask-Security's list of codes,
 * comma-joined, each plain or sealed by {@link RecoveryCodeCipher}.
 *
 * @param stored the stored entries, in order
 */
public record RecoveryCodes(List<String> stored) {

  /** Each code: 12 random lowercase hex characters (48 bits), grouped {@code xxxx-xxxx-xxxx}. */
  static final int CODE_BYTES = 6;

  public RecoveryCodes {
    stored = List.copyOf(stored);
  }

  /** The column's value; {@code null} or blank is no codes. */
  public static RecoveryCodes fromColumn(String column) {
    if (column == null || column.isBlank()) {
      return new RecoveryCodes(List.of());
    }
    return new RecoveryCodes(
        Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }

  /** The column's new value; {@code null} when no codes are left, as Flask writes it. */
  public String toColumn() {
    return stored.isEmpty() ? null : String.join(",", stored);
  }

  /**
   * A new set of {@code count} codes, replacing any old ones: the plain codes to show the user
   * once, and what to store.
   */
  public static Generated generate(int count, RecoveryCodeCipher cipher, SecureRandom random) {
    List<String> plain = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[CODE_BYTES];
      random.nextBytes(bytes);
      String hex = HexFormat.of().formatHex(bytes);
      plain.add(hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8));
    }
    return new Generated(plain, new RecoveryCodes(plain.stream().map(cipher::seal).toList()));
  }

  /** The readable codes, for showing them again; entries that cannot be opened are left out. */
  public List<String> readable(RecoveryCodeCipher cipher) {
    return stored.stream().map(cipher::open).flatMap(Optional::stream).toList();
  }

  /**
   * Uses one code: the codes that remain when {@code typed} is one of them (exact, case-sensitive,
   * as Flask-Security), else empty. Every entry is opened and compared in constant time.
   */
  public Optional<RecoveryCodes> redeem(String typed, RecoveryCodeCipher cipher) {
    if (typed == null || typed.isEmpty() || typed.length() > 64) {
      return Optional.empty();
    }
    byte[] given = typed.getBytes(StandardCharsets.UTF_8);
    int match = -1;
    for (int i = 0; i < stored.size(); i++) {
      Optional<String> code = cipher.open(stored.get(i));
      boolean equal =
          code.isPresent()
              && MessageDigest.isEqual(given, code.get().getBytes(StandardCharsets.UTF_8));
      if (equal && match < 0) {
        match = i;
      }
    }
    if (match < 0) {
      return Optional.empty();
    }
    List<String> left = new ArrayList<>(stored);
    left.remove(match);
    return Optional.of(new RecoveryCodes(left));
  }

  /** Stored entries are plain codes when no keys are configured: never printed. */
  @Override
  public String toString() {
    return "RecoveryCodes[" + stored.size() + " entries]";
  }

  /**
   * A newly generated set.
   *
   * @param plain the codes to show the user, once
   * @param codes what to store
   */
  public record Generated(List<String> plain, RecoveryCodes codes) {
    public Generated {
      plain = List.copyOf(plain);
    }

    @Override
    public String toString() {
      return "Generated[" + plain.size() + " codes]";
    }
  }
}
