package dev.portcullis.impl.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private static final String SALT = "test-salt";
  private static final String PASSWORD = "correct horse battery";

  /** Every supported scheme: the defaults and plaintext, which is only there when configured. */
  static List<String> schemes() {
    List<String> all = new java.util.ArrayList<>(PasswordConfig.DEFAULT_SCHEMES);
    if (!all.contains("plaintext")) {
      all.add("plaintext");
    }
    return all;
  }

  /** Imported hashes in formats no Portcullis scheme implements (md5_crypt, LDAP salted SHA-1). */
  static List<String> unrecognisedHashes() {
    return List.of(
        "$1$abc$xyz", "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "{SSHA}2a5Nnr+5v3Ai0F2LmA==");
  }

  @ParameterizedTest
  @MethodSource("unrecognisedHashes")
  void verifyWhenDefaultConfigAndUnrecognisedFormatThenHashStringItselfDoesNotVerify(
      String imported) {
    PasswordHasher hasher = new PasswordHasher(PasswordConfig.defaults(SALT), new SecureRandom());

    assertThat(hasher.verify(imported, imported)).isEqualTo(VerifyResult.FAILED);
  }

  @Test
  void constructorWhenDefaultConfigThenPlaintextNotAccepted() {
    assertThat(PasswordConfig.defaults(SALT).schemes()).doesNotContain("plaintext");
  }

  @Test
  void verifyWhenPlaintextListedExplicitlyThenStoredValueVerifiesAndIsRehashed() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.schemes = schemes();

    assertThat(config.hasher().verify("$1$abc$xyz", "$1$abc$xyz")).isEqualTo(VerifyResult.ok(true));
  }

  @Test
  void verifyWhenPlaintextIsHashSchemeThenAcceptedWithoutListingIt() {
    TestConfigs config = TestConfigs.lowCost(SALT).hashScheme("plaintext");
    config.schemes = List.of("bcrypt");

    PasswordHasher hasher = config.hasher();

    assertThat(hasher.hash(PASSWORD)).isEqualTo(PASSWORD);
    assertThat(hasher.verify(PASSWORD, PASSWORD)).isEqualTo(VerifyResult.ok(false));
    assertThat(hasher.verify("$1$abc$xyz", "$1$abc$xyz").ok()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void hashWhenSchemeConfiguredThenOwnHashVerifiesWithoutRehash(String scheme) {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hashScheme(scheme).hasher();

    String hash = hasher.hash(PASSWORD);

    assertThat(hasher.verify(PASSWORD, hash)).isEqualTo(VerifyResult.ok(false));
    assertThat(hasher.verify("x" + PASSWORD, hash)).isEqualTo(VerifyResult.FAILED);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void hashWhenCalledTwiceThenSaltsDiffer(String scheme) {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hashScheme(scheme).hasher();

    String first = hasher.hash(PASSWORD);
    String second = hasher.hash(PASSWORD);

    if ("plaintext".equals(scheme)) {
      assertThat(first).isEqualTo(PASSWORD);
    } else {
      assertThat(first).isNotEqualTo(second);
    }
  }

  @Test
  void hashWhenDefaultConfigThenBcrypt2bCost12OfPreHash() {
    PasswordHasher hasher = new PasswordHasher(PasswordConfig.defaults(SALT), new SecureRandom());

    String hash = hasher.hash(PASSWORD);

    assertThat(hash).startsWith("$2b$12$").hasSize(60);
    assertThat(hasher.verify(PASSWORD, hash)).isEqualTo(VerifyResult.ok(false));
  }

  @Test
  void hashWhenArgon2ThenPhcStringWithConfiguredParameters() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hashScheme("argon2").hasher();

    assertThat(hasher.hash(PASSWORD))
        .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[^$]{22}\\$[^$]{22}");
  }

  @Test
  void hashWhenPbkdf2Sha512ThenAb64Fields() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hashScheme("pbkdf2_sha512").hasher();

    assertThat(hasher.hash(PASSWORD))
        .matches("\\$pbkdf2-sha512\\$1000\\$[./A-Za-z0-9]{22}\\$[./A-Za-z0-9]{86}");
  }

  @Test
  void hashWhenSha512CryptThenExplicitRounds() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hashScheme("sha512_crypt").hasher();

    assertThat(hasher.hash(PASSWORD)).matches("\\$6\\$rounds=1000\\$[./A-Za-z0-9]{16}\\$.{86}");
  }

  @Test
  void hashWhenBcryptDoubleHashedThenFirst72CharsOfPreHashAreTheSecret() throws Exception {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hasher();
    byte[] preHash = independentPreHash(SALT, PASSWORD);

    String hash = hasher.hash(PASSWORD);

    assertThat(preHash).hasSize(88);
    byte[] first72 = Arrays.copyOf(preHash, 72);
    assertThat(BCrypt.verifyer().verify(first72, hash.getBytes(StandardCharsets.US_ASCII)).verified)
        .isTrue();
  }

  @Test
  void verifyWhenSingleHashedBcryptPasswordsShareFirst72BytesThenBothOk() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).singleHashEverything().hasher();
    String base = "a".repeat(72);

    String hash = hasher.hash(base + "first-tail");

    assertThat(hasher.verify(base + "other-tail", hash).ok()).isTrue();
    assertThat(hasher.verify("b" + base, hash).ok()).isFalse();
  }

  @Test
  void verifyWhenSchemeDeprecatedByAutoThenNeedsRehash() {
    String pbkdf2 = TestConfigs.lowCost(SALT).hashScheme("pbkdf2_sha512").hasher().hash(PASSWORD);
    TestConfigs bcryptDefault = TestConfigs.lowCost(SALT);
    bcryptDefault.pbkdf2Rounds = 1;

    assertThat(bcryptDefault.hasher().verify(PASSWORD, pbkdf2)).isEqualTo(VerifyResult.ok(true));
  }

  @Test
  void verifyWhenSchemeExplicitlyDeprecatedThenNeedsRehashOnlyForIt() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.deprecatedSchemes = List.of("sha512_crypt");
    PasswordHasher hasher = config.hasher();
    String sha = TestConfigs.lowCost(SALT).hashScheme("sha512_crypt").hasher().hash(PASSWORD);
    String pbkdf2 = TestConfigs.lowCost(SALT).hashScheme("pbkdf2_sha512").hasher().hash(PASSWORD);

    assertThat(hasher.verify(PASSWORD, sha)).isEqualTo(VerifyResult.ok(true));
    assertThat(hasher.verify(PASSWORD, pbkdf2)).isEqualTo(VerifyResult.ok(false));
  }

  @Test
  void verifyWhenDeprecatedListEmptyThenOtherSchemeNeedsNoRehash() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.deprecatedSchemes = List.of();
    String argon2 = TestConfigs.lowCost(SALT).hashScheme("argon2").hasher().hash(PASSWORD);

    assertThat(config.hasher().verify(PASSWORD, argon2)).isEqualTo(VerifyResult.ok(false));
  }

  @Test
  void verifyWhenBcryptCost10ThenNeedsRehash() {
    TestConfigs cost10 = TestConfigs.lowCost(SALT);
    cost10.bcryptRounds = 10;
    TestConfigs cost11 = TestConfigs.lowCost(SALT);
    cost11.bcryptRounds = 11;

    String hash = cost10.hasher().hash(PASSWORD);

    assertThat(hash).startsWith("$2b$10$");
    assertThat(cost11.hasher().verify(PASSWORD, hash)).isEqualTo(VerifyResult.ok(true));
    assertThat(cost10.hasher().verify(PASSWORD, hash)).isEqualTo(VerifyResult.ok(false));
  }

  @Test
  void verifyWhenBcrypt2aIdentThenOkAndNeedsRehash() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hasher();
    String hash2a = "$2a$" + hasher.hash(PASSWORD).substring(4);
    String hash2y = "$2y$" + hasher.hash(PASSWORD).substring(4);

    assertThat(hasher.verify(PASSWORD, hash2a)).isEqualTo(VerifyResult.ok(true));
    assertThat(hasher.verify(PASSWORD, hash2y)).isEqualTo(VerifyResult.ok(true));
  }

  @Test
  void verifyWhenArgon2MemoryLowerThanConfiguredThenNeedsRehash() {
    String hash = TestConfigs.lowCost(SALT).hashScheme("argon2").hasher().hash(PASSWORD);
    TestConfigs more = TestConfigs.lowCost(SALT).hashScheme("argon2");
    more.argon2MemoryKib = 128;

    assertThat(more.hasher().verify(PASSWORD, hash)).isEqualTo(VerifyResult.ok(true));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "$2b$12$garbage",
        "$2b$04$" + "**********************************************************",
        "$2x$04$abcdefghijklmnopqrstuuN8qyhtnqq6dGvvJLdW6Iymm.Ikw0Z8SC",
        "$2$04$abcdefghijklmnopqrstuuN8qyhtnqq6dGvvJLdW6Iymm.Ikw0Z8SC",
        "$2b$99$abcdefghijklmnopqrstuuN8qyhtnqq6dGvvJLdW6Iymm.Ikw0Z8SC",
        "$argon2id$v=19$m=x,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ=$aGFzaGhhc2g",
        "$argon2id$v=18$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "$argon2id$v=19$m=4,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "$argon2id$v=19$m=64,t=1,p=1$c2Fs$aGFzaGhhc2g",
        "$argon2id$v=19$m=64,t=0,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "$argon2id$v=19$m=999999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        "$pbkdf2-sha512$abc$c2FsdA$aGFzaA",
        "$pbkdf2-sha512$1000$c2FsdA$aGFzaA",
        "$pbkdf2-sha512$1000$$",
        "$pbkdf2-sha512$0$c2FsdA$aGFzaA",
        "$pbkdf2-sha256$1000$c2F+dA$aGFzaA",
        "$6$rounds=abc$salt$hash",
        "$6$rounds=1000$salt",
        "$6$rounds=1000$sa!t$hashhashhash",
        "$5$$",
        "abc"
      })
  void verifyWhenMalformedHashThenNotOk(String stored) {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.schemes =
        List.of(
            "bcrypt",
            "argon2",
            "pbkdf2_sha512",
            "pbkdf2_sha256",
            "sha512_crypt",
            "sha256_crypt",
            "des_crypt");

    assertThat(config.hasher().verify(PASSWORD, stored)).isEqualTo(VerifyResult.FAILED);
  }

  @Test
  void verifyWhenMalformedKnownPrefixThenNotTreatedAsPlaintext() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hasher();

    assertThat(hasher.verify("$2b$12$garbage", "$2b$12$garbage")).isEqualTo(VerifyResult.FAILED);
  }

  @Test
  void verifyWhenPlaintextStoredAndPlaintextListedThenOkAndNeedsRehash() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.schemes = schemes();

    assertThat(config.hasher().verify(PASSWORD, PASSWORD)).isEqualTo(VerifyResult.ok(true));
    assertThat(TestConfigs.lowCost(SALT).hasher().verify(PASSWORD, PASSWORD))
        .isEqualTo(VerifyResult.FAILED);
  }

  @Test
  void verifyWhenSchemeNotAcceptedThenNotOk() {
    String argon2 = TestConfigs.lowCost(SALT).hashScheme("argon2").hasher().hash(PASSWORD);
    TestConfigs bcryptOnly = TestConfigs.lowCost(SALT);
    bcryptOnly.schemes = List.of("bcrypt");

    assertThat(bcryptOnly.hasher().verify(PASSWORD, argon2)).isEqualTo(VerifyResult.FAILED);
  }

  @Test
  void verifyWhenPasswordNullThenNotOk() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hasher();

    assertThat(hasher.verify(null, hasher.hash(PASSWORD))).isEqualTo(VerifyResult.FAILED);
  }

  @Test
  void verifyWhenPasswordLongerThanBoundThenNotOkWithoutHashing() {
    String longPassword = "p".repeat(PasswordHasher.MAX_INPUT_CHARS + 1);
    TestConfigs plain = TestConfigs.lowCost(SALT).hashScheme("plaintext");

    assertThat(plain.hasher().verify(longPassword, longPassword)).isEqualTo(VerifyResult.FAILED);
    assertThatThrownBy(() -> plain.hasher().hash(longPassword))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyWhenDifferentPasswordSaltThenNotOk() {
    String hash = TestConfigs.lowCost(SALT).hasher().hash(PASSWORD);

    assertThat(TestConfigs.lowCost("other-salt").hasher().verify(PASSWORD, hash).ok()).isFalse();
  }

  @Test
  void normalizeWhenNfkdThenLigatureAndUmlautsDecomposed() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hasher();

    assertThat(hasher.normalize("Pässwörd-\uFB01")).isEqualTo("Pa\u0308sswo\u0308rd-fi");
  }

  @Test
  void normalizeWhenFormNullThenUnchanged() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.normalizeForm = null;

    assertThat(config.hasher().normalize("Pässwörd-\uFB01")).isEqualTo("Pässwörd-\uFB01");
  }

  @Test
  void verifyWhenNormalizationOffThenCompatibilityFormsDiffer() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.normalizeForm = null;
    PasswordHasher hasher = config.hasher();

    String hash = hasher.hash("Pässwörd-\uFB01");

    assertThat(hasher.verify("Pässwörd-fi", hash).ok()).isFalse();
    assertThat(TestConfigs.lowCost(SALT).hasher().verify("Pässwörd-fi", hash).ok()).isFalse();
  }

  @Test
  void verifyWhenNfkdOnThenCompatibilityFormsMatch() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hasher();

    String hash = hasher.hash("Pässwörd-\uFB01");

    assertThat(hasher.verify("Pa\u0308sswo\u0308rd-fi", hash).ok()).isTrue();
  }

  @Test
  void dummyHashWhenCalledThenHashOfCurrentScheme() {
    PasswordHasher hasher = TestConfigs.lowCost(SALT).hashScheme("pbkdf2_sha512").hasher();

    assertThat(hasher.dummyHash()).startsWith("$pbkdf2-sha512$1000$");
    hasher.equalizeTiming();
  }

  @Test
  void constructorWhenSaltMissingAndSchemeDoubleHashedThenIllegalState() {
    assertThatThrownBy(() -> TestConfigs.lowCost(null).hasher())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.password_salt");
    assertThatThrownBy(() -> TestConfigs.lowCost("").hasher())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.password_salt");
  }

  @Test
  void verifyWhenSaltMissingAndStoredSchemeDoubleHashedThenIllegalState() {
    String bcrypt = TestConfigs.lowCost(SALT).hasher().hash(PASSWORD);
    PasswordHasher plaintextOnly = TestConfigs.lowCost(null).hashScheme("plaintext").hasher();

    assertThatThrownBy(() -> plaintextOnly.verify(PASSWORD, bcrypt))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.password_salt");
  }

  @Test
  void constructorWhenSaltMissingAndEverythingSingleHashedThenWorks() {
    PasswordHasher hasher = TestConfigs.lowCost(null).singleHashEverything().hasher();

    assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD)).ok()).isTrue();
  }

  @Test
  void constructorWhenHashSchemeNotAcceptedThenIllegalState() {
    TestConfigs config = TestConfigs.lowCost(SALT).hashScheme("argon2");
    config.schemes = List.of("bcrypt");

    assertThatThrownBy(config::hasher)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.password_hash");
  }

  @Test
  void constructorWhenUnknownSchemeThenIllegalState() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.schemes = List.of("bcrypt", "md5_crypt");

    assertThatThrownBy(config::hasher)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.password_schemes");
  }

  @Test
  void constructorWhenHashSchemeDeprecatedThenIllegalState() {
    TestConfigs config = TestConfigs.lowCost(SALT);
    config.deprecatedSchemes = List.of("bcrypt");

    assertThatThrownBy(config::hasher)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.deprecated_password_schemes");
  }

  private static byte[] independentPreHash(String salt, String password) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
    byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encode(digest);
  }
}
