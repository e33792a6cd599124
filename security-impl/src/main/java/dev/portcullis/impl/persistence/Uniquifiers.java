package dev.portcullis.impl.persistence;

import java.util.UUID;

/**
 * Fresh {@code fs_uniquifier}/{@code fs_token_uniquifier}/{@code fs_webauthn_user_handle} values:
 * Flask-Security's {@code uuid.uuid4().hex}, 32 lowercase hex characters. {@link UUID#randomUUID()}
 * draws from {@code SecureRandom}: a uniquifier is a bearer identity, so it must be unguessable.
 */
final class Uniquifiers {

  private Uniquifiers() {}

  static String next() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
