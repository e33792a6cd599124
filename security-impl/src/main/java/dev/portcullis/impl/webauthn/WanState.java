package dev.portcullis.impl.webauthn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a WebAuthn state token (spec §5.9) carries between the options and the browser's response.
 * Flask's keys ({@code challenge}, {@code user_verification}, {@code name}, {@code usage}) plus
 * Portcullis' binding: the ceremony, and the {@code fs_uniquifier} of the user it was made for
 * (registration and verify: the signed-in user; second-factor sign-in: the pending user; a
 * first-factor sign-in is made for nobody), so a state is refused for anyone else and dies with a
 * password change or {@code reset_access}.
 *
 * @param ceremony which ceremony
 * @param challenge the challenge text; its ASCII bytes are the WebAuthn challenge
 * @param userVerification whether UV is required
 * @param uid the user it was made for
 * @param name the new key's name (registration)
 * @param usage the new key's usage (registration)
 * @param userHandle the user handle the creation options carried (registration)
 * @param remember the sign-in's remember-me choice (sign-in)
 * @param expiresAt when the token stops being accepted
 */
public record WanState(
    Ceremony ceremony,
    String challenge,
    boolean userVerification,
    Optional<String> uid,
    Optional<String> name,
    Optional<String> usage,
    Optional<String> userHandle,
    boolean remember,
    Instant expiresAt) {

  /** Checks the parts. */
  public WanState {
    Objects.requireNonNull(ceremony, "ceremony");
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(userHandle, "userHandle");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The ceremonies. */
  public enum Ceremony {
    /** {@code /wan-register}. */
    REGISTER,
    /** {@code /wan-signin} as the first factor. */
    SIGNIN,
    /** {@code /wan-signin} as the second factor. */
    SECONDARY,
    /** {@code /wan-verify}. */
    VERIFY
  }

  /** The challenge bytes the options carried (spec §5.9: ASCII of the text). */
  public byte[] challengeBytes() {
    return challenge.getBytes(StandardCharsets.US_ASCII);
  }

  /** The record that makes this challenge single use. */
  public UsedChallenge used() {
    return UsedChallenge.of(challenge, expiresAt);
  }

  /** Never shows the challenge. */
  @Override
  public String toString() {
    return "WanState[" + ceremony + "]";
  }
}
