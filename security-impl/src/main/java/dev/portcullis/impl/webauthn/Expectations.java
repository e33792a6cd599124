package dev.portcullis.impl.webauthn;

import java.util.Objects;
import java.util.Set;

/**
 * What a ceremony's response must match, all taken from configuration and the signed state token
 * (never from the request's {@code Host} or {@code X-Forwarded-*} headers).
 *
 * @param rpId the relying-party id ({@code security.wan_rp_id} or the vetted host)
 * @param origins the origins a response may come from, e.g. {@code https://app.example.com}
 * @param challenge the challenge bytes the options carried (Flask: the ASCII bytes of the state's
 *     challenge text, spec §5.9)
 * @param userVerificationRequired whether the UV flag must be set
 */
public record Expectations(
    String rpId, Set<String> origins, byte[] challenge, boolean userVerificationRequired) {

  /** Checks the parts and copies the mutable ones. */
  public Expectations {
    Objects.requireNonNull(rpId, "rpId");
    origins = Set.copyOf(origins);
    challenge = challenge.clone();
  }

  /** The same expectations with user verification required (Flask's first, stricter attempt). */
  public Expectations requiringUserVerification() {
    return new Expectations(rpId, origins, challenge, true);
  }

  @Override
  public byte[] challenge() {
    return challenge.clone();
  }
}
