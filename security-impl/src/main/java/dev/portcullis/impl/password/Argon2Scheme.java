package dev.portcullis.impl.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * passlib's {@code argon2} handler ({@code passlib/handlers/argon2.py}) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<tag>} (standard base64 without
 * padding). Writes argon2id version 19 with passlib's 16-byte salt and 16-byte tag; verifies
 * argon2id, argon2i and argon2d, version 16 or 19. The computation is BouncyCastle's.
 */
final class Argon2Scheme implements PasswordScheme {

  static final int SALT_BYTES = 16;
  static final int TAG_BYTES = 16;

  /** Refuse stored hashes asking for more than 4 GiB rather than attempt the allocation. */
  static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;

  private final int timeCost;
  private final int memoryKib;
  private final int parallelism;
  private final SecureRandom random;

  Argon2Scheme(int timeCost, int memoryKib, int parallelism, SecureRandom random) {
    this.timeCost = timeCost;
    this.memoryKib = memoryKib;
    this.parallelism = parallelism;
    this.random = random;
  }

  @Override
  public String name() {
    return "argon2";
  }

  @Override
  public boolean identifies(String storedHash) {
    return storedHash.startsWith("$argon2i$")
        || storedHash.startsWith("$argon2d$")
        || storedHash.startsWith("$argon2id$");
  }

  @Override
  public String hash(String secret) {
    Argon2Hash params =
        new Argon2Hash(
            Argon2Parameters.ARGON2_id,
            Argon2Parameters.ARGON2_VERSION_13,
            memoryKib,
            timeCost,
            parallelism,
            HashFormats.randomBytes(random, SALT_BYTES),
            new byte[TAG_BYTES]);
    return params.withTag(compute(secret, params)).format();
  }

  @Override
  public boolean verify(String secret, String storedHash) {
    Argon2Hash stored = Argon2Hash.parse(storedHash);
    if (stored == null || stored.memoryKib() > MAX_MEMORY_KIB) {
      return false;
    }
    try {
      return MessageDigest.isEqual(compute(secret, stored), stored.tag());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  @Override
  public boolean needsUpdate(String storedHash) {
    Argon2Hash stored = Argon2Hash.parse(storedHash);
    return stored != null
        && (stored.type() != Argon2Parameters.ARGON2_id
            || stored.version() != Argon2Parameters.ARGON2_VERSION_13
            || stored.timeCost() < timeCost
            || stored.memoryKib() < memoryKib
            || stored.parallelism() != parallelism
            || stored.tag().length < TAG_BYTES);
  }

  private static byte[] compute(String secret, Argon2Hash params) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(params.type())
            .withVersion(params.version())
            .withMemoryAsKB(params.memoryKib())
            .withIterations(params.timeCost())
            .withParallelism(params.parallelism())
            .withSalt(params.salt())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] tag = new byte[params.tag().length];
    generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), tag);
    return tag;
  }
}
