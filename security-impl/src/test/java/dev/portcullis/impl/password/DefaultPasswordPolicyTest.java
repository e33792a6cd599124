package dev.portcullis.impl.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.password.PasswordPolicyConfig.BreachCheck;
import dev.portcullis.impl.password.PasswordPolicyConfig.ComplexityChecker;
import dev.portcullis.impl.rest.TestMessages;
import dev.portcullis.spi.PasswordPolicy.Context;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPasswordPolicyTest {

  private static final String TOO_SHORT = "The password needs at least 8 characters.";
  private static final String BREACHED =
      "This password has appeared in a data breach; please choose another.";
  private static final String SITE_ERROR =
      "The password could not be checked against breach lists right now.";
  private static final String TOO_SIMPLE = "This password is too easy to guess.";
  private static final String TOO_LONG_FOR_BCRYPT =
      "This password is too long: use at most 72 bytes (letters outside basic Latin take 2 to 4"
          + " bytes each).";
  private static final Context NO_INPUTS = new Context(true, Set.of());
  private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, one code point, two chars

  @TempDir Path dir;
  private FakeRangeApi api;

  @BeforeEach
  void startApi() throws IOException {
    api = new FakeRangeApi();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  // --- length ---

  @Test
  void checkWhenExactlyMinimumLengthThenAccepted() {
    assertThat(policy(off()).check("abcdefgh", NO_INPUTS)).isEmpty();
  }

  @Test
  void checkWhenOneBelowMinimumThenInvalidLengthNamingMinimum() {
    assertThat(policy(off()).check("abcdefg", NO_INPUTS)).containsExactly(TOO_SHORT);
  }

  @Test
  void checkWhen128CodePointsThenAcceptedAnd129ThenInvalidLength() {
    assertThat(policy(off()).check("a".repeat(128), NO_INPUTS)).isEmpty();
    assertThat(policy(off()).check("a".repeat(129), NO_INPUTS)).containsExactly(TOO_SHORT);
  }

  @Test
  void checkWhenNonBmpCharactersThenEachCountsAsOne() {
    assertThat(policy(off()).check(EMOJI.repeat(8), NO_INPUTS)).isEmpty();
    assertThat(policy(off()).check(EMOJI.repeat(7), NO_INPUTS)).containsExactly(TOO_SHORT);
    assertThat(policy(off()).check(EMOJI.repeat(128), NO_INPUTS)).isEmpty();
    assertThat(policy(off()).check(EMOJI.repeat(129), NO_INPUTS)).containsExactly(TOO_SHORT);
  }

  @Test
  void checkWhenMinimumConfiguredThenMessageNamesIt() {
    PasswordConfig twelve = withLengthMin(PasswordConfig.defaults("salt"), 12);
    DefaultPasswordPolicy policy = new DefaultPasswordPolicy(twelve, off(), TestMessages.bundle());

    assertThat(policy.check("abcdefghijk", NO_INPUTS))
        .containsExactly("The password needs at least 12 characters.");
    assertThat(policy.check("abcdefghijkl", NO_INPUTS)).isEmpty();
  }

  @Test
  void checkWhenBcryptSingleHashAndOver72BytesThenTooLongForHash() {
    DefaultPasswordPolicy policy = singleHash("bcrypt");

    assertThat(policy.check("a".repeat(72), NO_INPUTS)).isEmpty();
    assertThat(policy.check("a".repeat(73), NO_INPUTS)).containsExactly(TOO_LONG_FOR_BCRYPT);
    // 37 code points, but 74 UTF-8 bytes: within 128 characters, over bcrypt's 72 bytes.
    assertThat(policy.check("\u00e9".repeat(37), NO_INPUTS)).containsExactly(TOO_LONG_FOR_BCRYPT);
    assertThat(policy.check(EMOJI.repeat(18), NO_INPUTS)).isEmpty(); // 72 bytes
    assertThat(policy.check(EMOJI.repeat(19), NO_INPUTS)).containsExactly(TOO_LONG_FOR_BCRYPT);
  }

  @Test
  void checkWhenBcryptDoubleHashOrOtherSchemeThenNoByteLimit() {
    assertThat(policy(off()).check("a".repeat(128), NO_INPUTS)).isEmpty();
    assertThat(singleHash("argon2").check("a".repeat(128), NO_INPUTS)).isEmpty();
  }

  // --- breached, range API ---

  @Test
  void checkWhenPasswordInRangeApiThenBreachedAndOnlyPrefixSent() {
    api.breached(sha1("password"), 42);

    assertThat(policy(online(BreachCheck.BEST_EFFORT, 1)).check("password", NO_INPUTS))
        .containsExactly(BREACHED);
    assertThat(sha1("password")).isEqualTo("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
    assertThat(api.paths).containsExactly("/range/5BAA6");
    assertThat(api.userAgents).containsExactly("Portcullis");
  }

  @Test
  void checkWhenCountBelowThresholdThenAccepted() {
    api.breached(sha1("password"), 42);

    assertThat(policy(online(BreachCheck.STRICT, 43)).check("password", NO_INPUTS)).isEmpty();
    assertThat(policy(online(BreachCheck.STRICT, 42)).check("password", NO_INPUTS))
        .containsExactly(BREACHED);
  }

  @Test
  void checkWhenSuffixNotInRangeThenAccepted() {
    api.breached(sha1("password"), 42);

    assertThat(policy(online(BreachCheck.STRICT, 1)).check("unlisted-passphrase", NO_INPUTS))
        .isEmpty();
    assertThat(api.paths).containsExactly("/range/" + sha1("unlisted-passphrase").substring(0, 5));
  }

  @Test
  void checkWhenRangeApiAnswers500ThenBestEffortAcceptsAndStrictFails() {
    api.breached(sha1("password"), 42);
    api.status = 500;

    assertThat(policy(online(BreachCheck.BEST_EFFORT, 1)).check("password", NO_INPUTS)).isEmpty();
    assertThat(policy(online(BreachCheck.STRICT, 1)).check("password", NO_INPUTS))
        .containsExactly(SITE_ERROR);
  }

  @Test
  void checkWhenRangeApiPortClosedThenBestEffortAcceptsAndStrictFails() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + freePort() + "/range/");

    assertThat(policy(online(BreachCheck.BEST_EFFORT, 1, closed)).check("password", NO_INPUTS))
        .isEmpty();
    assertThat(policy(online(BreachCheck.STRICT, 1, closed)).check("password", NO_INPUTS))
        .containsExactly(SITE_ERROR);
  }

  @Test
  void checkWhenRangeApiSlowerThanReadTimeoutThenStrictFailsQuickly() {
    api.breached(sha1("password"), 42);
    api.delayMillis = 2_000;
    PasswordPolicyConfig config =
        new PasswordPolicyConfig(
            BreachCheck.STRICT,
            1,
            api.base(),
            Optional.empty(),
            Duration.ofSeconds(1),
            Duration.ofMillis(200),
            ComplexityChecker.NONE,
            3);

    long started = System.nanoTime();
    assertThat(policy(config).check("password", NO_INPUTS)).containsExactly(SITE_ERROR);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
  }

  // --- breached, offline ---

  @Test
  void checkWhenOfflinePrefixDirectoryListsPasswordThenBreached() throws IOException {
    String hash = sha1("password");
    Files.writeString(
        dir.resolve(hash.substring(0, 5) + ".txt"),
        "003D68EB55068C33ACE09247EE4C639306B:3\r\n" + hash.substring(5) + ":9545824\r\n");

    assertThat(policy(offline(BreachCheck.STRICT, dir)).check("password", NO_INPUTS))
        .containsExactly(BREACHED);
    assertThat(api.paths).isEmpty();
  }

  @Test
  void checkWhenOfflinePrefixFileMissingThenBestEffortAcceptsAndStrictFails() {
    assertThat(policy(offline(BreachCheck.BEST_EFFORT, dir)).check("password", NO_INPUTS))
        .isEmpty();
    assertThat(policy(offline(BreachCheck.STRICT, dir)).check("password", NO_INPUTS))
        .containsExactly(SITE_ERROR);
  }

  @Test
  void checkWhenOfflineSortedFileListsPasswordThenBreached() throws IOException {
    Path file = dir.resolve("pwned-passwords-sha1-ordered-by-hash.txt");
    Files.writeString(
        file,
        String.join(
            "\r\n",
            "0000000000000000000000000000000000000001:5",
            sha1("password") + ":9545824",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:1",
            ""));

    assertThat(policy(offline(BreachCheck.STRICT, file)).check("password", NO_INPUTS))
        .containsExactly(BREACHED);
    assertThat(policy(offline(BreachCheck.STRICT, file)).check("unlisted-passphrase", NO_INPUTS))
        .isEmpty();
  }

  // --- complexity ---

  @Test
  void checkWhenCommonPasswordThenZxcvbnWarning() {
    assertThat(new ZxcvbnEstimator().estimate("password123", Set.of()).score()).isLessThan(3);

    assertThat(policy(zxcvbn()).check("password123", NO_INPUTS))
        .containsExactly("This is a very common password.");
  }

  @Test
  void checkWhenLowScoreWithoutWarningThenTooSimple() {
    assertThat(new ZxcvbnEstimator().estimate("qX7#pL2w", Set.of()).warning()).isEmpty();

    assertThat(policy(zxcvbn()).check("qX7#pL2w", NO_INPUTS)).containsExactly(TOO_SIMPLE);
  }

  @Test
  void checkWhenLongRandomPassphraseThenAccepted() {
    assertThat(policy(zxcvbn()).check("correct-horse-battery-staple-violet-quasar", NO_INPUTS))
        .isEmpty();
  }

  @Test
  void checkWhenPasswordBuiltFromEmailThenUserInputsLowerScore() {
    String email = "Wojciech.Przybylski@portcullis.dev";
    ZxcvbnEstimator estimator = new ZxcvbnEstimator();

    assertThat(estimator.estimate("wojciechprzybylski", Set.of()).score())
        .isGreaterThanOrEqualTo(3);
    assertThat(estimator.estimate("wojciechprzybylski", Set.of(email)).score()).isLessThan(3);
    assertThat(policy(zxcvbn()).check("wojciechprzybylski", NO_INPUTS)).isEmpty();
    assertThat(policy(zxcvbn()).check("wojciechprzybylski", new Context(true, Set.of(email))))
        .containsExactly(TOO_SIMPLE);
  }

  // --- order ---

  @Test
  void checkWhenTooShortAndBreachedThenOnlyLengthAndNoLookup() {
    api.breached(sha1("passwrd"), 7);

    assertThat(policy(everything(BreachCheck.STRICT)).check("passwrd", NO_INPUTS))
        .containsExactly(TOO_SHORT);
    assertThat(api.paths).isEmpty();
  }

  @Test
  void checkWhenBreachedAndWeakThenOnlyBreached() {
    api.breached(sha1("password123"), 250_000);

    assertThat(policy(everything(BreachCheck.STRICT)).check("password123", NO_INPUTS))
        .containsExactly(BREACHED);
  }

  @Test
  void checkWhenSiteErrorAndWeakThenOnlySiteError() {
    api.status = 503;

    assertThat(policy(everything(BreachCheck.STRICT)).check("password123", NO_INPUTS))
        .containsExactly(SITE_ERROR);
  }

  @Test
  void checkWhenNotBreachedButWeakThenComplexityMessage() {
    assertThat(policy(everything(BreachCheck.STRICT)).check("password123", NO_INPUTS))
        .containsExactly("This is a very common password.");
    assertThat(api.paths).hasSize(1);
  }

  // --- helpers ---

  private static DefaultPasswordPolicy policy(PasswordPolicyConfig config) {
    return new DefaultPasswordPolicy(
        PasswordConfig.defaults("salt"), config, TestMessages.bundle());
  }

  private static DefaultPasswordPolicy singleHash(String scheme) {
    PasswordConfig single =
        TestConfigs.lowCost(null).hashScheme(scheme).singleHashEverything().build();
    return new DefaultPasswordPolicy(single, off(), TestMessages.bundle());
  }

  private static PasswordPolicyConfig off() {
    return PasswordPolicyConfig.defaults();
  }

  private PasswordPolicyConfig online(BreachCheck mode, int count) {
    return online(mode, count, api.base());
  }

  private static PasswordPolicyConfig online(BreachCheck mode, int count, URI url) {
    return new PasswordPolicyConfig(
        mode,
        count,
        url,
        Optional.empty(),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        ComplexityChecker.NONE,
        3);
  }

  private static PasswordPolicyConfig offline(BreachCheck mode, Path path) {
    return new PasswordPolicyConfig(
        mode,
        1,
        URI.create("http://127.0.0.1:9/unused/"),
        Optional.of(path),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        ComplexityChecker.NONE,
        3);
  }

  private static PasswordPolicyConfig zxcvbn() {
    PasswordPolicyConfig d = PasswordPolicyConfig.defaults();
    return new PasswordPolicyConfig(
        BreachCheck.OFF,
        1,
        d.breachedUrl(),
        Optional.empty(),
        d.connectTimeout(),
        d.readTimeout(),
        ComplexityChecker.ZXCVBN,
        3);
  }

  private PasswordPolicyConfig everything(BreachCheck mode) {
    return new PasswordPolicyConfig(
        mode,
        1,
        api.base(),
        Optional.empty(),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        ComplexityChecker.ZXCVBN,
        3);
  }

  private static PasswordConfig withLengthMin(PasswordConfig c, int min) {
    return new PasswordConfig(
        c.hashScheme(),
        c.passwordSalt(),
        c.singleHashSchemes(),
        c.schemes(),
        c.deprecatedSchemes(),
        c.bcryptRounds(),
        c.argon2TimeCost(),
        c.argon2MemoryKib(),
        c.argon2Parallelism(),
        c.pbkdf2Rounds(),
        c.sha512CryptRounds(),
        c.normalizeForm(),
        min,
        c.lengthMax());
  }

  /** Independent of the code under test: the JDK's SHA-1, upper-case hex. */
  static String sha1(String password) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
