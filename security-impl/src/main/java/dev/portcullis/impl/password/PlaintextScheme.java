package dev.portcullis.impl.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * passlib's {@code plaintext} handler ({@code passlib/handlers/misc.py}): the stored value is the
 * secret itself. It identifies every string, so it must come last in the accepted schemes.
 * Comparison is constant-time so that the stored value does not leak through timing.
 */
final class PlaintextScheme implements PasswordScheme {

  @Override
  public String name() {
    return "plaintext";
  }

  @Override
  public boolean identifies(String storedHash) {
    return true;
  }

  @Override
  public String hash(String secret) {
    return secret;
  }

  @Override
  public boolean verify(String secret, String storedHash) {
    return MessageDigest.isEqual(
        secret.getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean needsUpdate(String storedHash) {
    return false;
  }
}
