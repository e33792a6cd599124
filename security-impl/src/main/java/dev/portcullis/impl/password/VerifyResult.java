package dev.portcullis.impl.password;

/**
 * Outcome of {@link PasswordHasher#verify(String, String)}.
 *
 * @param ok the password matches the stored hash
 * @param needsRehash the password matched but the hash uses a deprecated scheme or weaker
 *     parameters than the current configuration; the caller should store {@link
 *     PasswordHasher#hash(String)} of the password (Flask's {@code verify_and_update_password})
 */
public record VerifyResult(boolean ok, boolean needsRehash) {

  /** The password does not match, or the stored hash is unusable. */
  public static final VerifyResult FAILED = new VerifyResult(false, false);

  /** Rejects {@code needsRehash} without {@code ok}: only a verified password may be re-hashed. */
  public VerifyResult {
    if (needsRehash && !ok) {
      throw new IllegalArgumentException("needsRehash requires ok");
    }
  }

  /**
   * A successful verification.
   *
   * @param needsRehash whether the stored hash should be replaced
   * @return the result
   */
  public static VerifyResult ok(boolean needsRehash) {
    return new VerifyResult(true, needsRehash);
  }
}
