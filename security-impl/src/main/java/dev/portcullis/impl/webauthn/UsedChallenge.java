package dev.portcullis.impl.webauthn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A challenge whose response is being accepted, as {@code fs_wan_used_challenge} records it: its
 * SHA-256 (the challenge itself is not kept) and when its state token expires anyway.
 *
 * @param hash SHA-256 of the challenge text, hex
 * @param expiresAt after this the state token is refused, so the row may go
 */
public record UsedChallenge(String hash, Instant expiresAt) {

  /** The record of {@code challenge}, good until {@code expiresAt}. */
  public static UsedChallenge of(String challenge, Instant expiresAt) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(challenge.getBytes(StandardCharsets.US_ASCII));
      return new UsedChallenge(HexFormat.of().formatHex(digest), expiresAt);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
