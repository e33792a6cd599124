package dev.portcullis.impl.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a stand-in's code send is counted (see {@link CodeDelivery#admitStandIn}): one of the
 * {@value #SLOTS} rows of {@code fs_mf_stand_in_send}, and the typed identity's own counter in
 * {@code fs_mf_address_send}. Both come from one HMAC-SHA256 of the typed identity under a key
 * derived from {@code security.secret_key}: the same identity always lands on the same rows, as a
 * user always lands on its own, and without the secret nobody can tell which identities share a
 * slot or read a typed identity back from its row (unlike a plain hash, which a list of addresses
 * would reverse).
 *
 * <p>Made by {@code ConfigProducer}, which holds the secret key (so this package does not depend on
 * the configuration's).
 */
public class StandInSendKeys {

  /** The rows of {@code fs_mf_stand_in_send} (slots 0 to 63), made by migration V9. */
  public static final int SLOTS = 64;

  private static final String ALGORITHM = "HmacSHA256";

  /** Separates this key from every other use of the secret key. */
  private static final String PURPOSE = "portcullis stand-in code sends";

  private final SecretKeySpec key;

  /** Keys derived from {@code secretKey}. */
  public StandInSendKeys(String secretKey) {
    byte[] derived =
        mac(
            new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM),
            PURPOSE.getBytes(StandardCharsets.UTF_8));
    this.key = new SecretKeySpec(derived, ALGORITHM);
  }

  /**
   * The rows of a stand-in send by {@code method} to what was typed as {@code identity}.
   *
   * @param slot the row of {@code fs_mf_stand_in_send}, 0 to {@value #SLOTS} - 1
   * @param counter the key of the identity's row in {@code fs_mf_address_send}: 64 hex characters,
   *     as a real address's SHA-256
   */
  public record Rows(int slot, String counter) {}

  /** The rows of {@code identity} (compared without case, as addresses are). */
  public Rows of(String method, String identity) {
    byte[] mac =
        mac(
            key,
            (method + ":" + identity.strip().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    // 256 is a multiple of 64: the slots are equally likely
    return new Rows((mac[0] & 0xff) % SLOTS, HexFormat.of().formatHex(mac));
  }

  private static byte[] mac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }
}
