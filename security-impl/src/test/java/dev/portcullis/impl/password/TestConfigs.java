package dev.portcullis.impl.password;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;

/** Builds {@link PasswordConfig}s for tests: Flask's defaults with the fields a test changes. */
final class TestConfigs {

  String hashScheme = "bcrypt";
  String passwordSalt;
  Set<String> singleHashSchemes = PasswordConfig.DEFAULT_SINGLE_HASH_SCHEMES;
  List<String> schemes = PasswordConfig.DEFAULT_SCHEMES;
  List<String> deprecatedSchemes = List.of("auto");
  int bcryptRounds = PasswordConfig.DEFAULT_BCRYPT_ROUNDS;
  int argon2TimeCost = PasswordConfig.DEFAULT_ARGON2_TIME_COST;
  int argon2MemoryKib = PasswordConfig.DEFAULT_ARGON2_MEMORY_KIB;
  int argon2Parallelism = PasswordConfig.DEFAULT_ARGON2_PARALLELISM;
  int pbkdf2Rounds = PasswordConfig.DEFAULT_PBKDF2_ROUNDS;
  int sha512CryptRounds = PasswordConfig.DEFAULT_SHA512_CRYPT_ROUNDS;
  Normalizer.Form normalizeForm = Normalizer.Form.NFKD;

  private TestConfigs(String passwordSalt) {
    this.passwordSalt = passwordSalt;
  }

  /** Flask-Security's defaults. */
  static TestConfigs defaults(String passwordSalt) {
    return new TestConfigs(passwordSalt);
  }

  /** Flask-Security's defaults with the cheapest costs the formats allow, for fast tests. */
  static TestConfigs lowCost(String passwordSalt) {
    TestConfigs c = new TestConfigs(passwordSalt);
    c.bcryptRounds = 4;
    c.argon2TimeCost = 1;
    c.argon2MemoryKib = 64;
    c.argon2Parallelism = 1;
    c.pbkdf2Rounds = 1000;
    c.sha512CryptRounds = 1000;
    return c;
  }

  TestConfigs hashScheme(String name) {
    this.hashScheme = name;
    return this;
  }

  /** Flask's {@code SECURITY_PASSWORD_SINGLE_HASH = True}: nothing is pre-hashed. */
  TestConfigs singleHashEverything() {
    this.singleHashSchemes = SchemeCatalog.SUPPORTED;
    return this;
  }

  PasswordConfig build() {
    return new PasswordConfig(
        hashScheme,
        passwordSalt,
        singleHashSchemes,
        schemes,
        deprecatedSchemes,
        bcryptRounds,
        argon2TimeCost,
        argon2MemoryKib,
        argon2Parallelism,
        pbkdf2Rounds,
        sha512CryptRounds,
        normalizeForm,
        8,
        PasswordConfig.DEFAULT_LENGTH_MAX);
  }

  PasswordHasher hasher() {
    return new PasswordHasher(build(), new java.security.SecureRandom());
  }
}
