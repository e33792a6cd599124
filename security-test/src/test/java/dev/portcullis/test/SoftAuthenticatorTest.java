package dev.portcullis.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SoftAuthenticatorTest {

  private static final byte[] CHALLENGE = "c".repeat(43).getBytes(StandardCharsets.US_ASCII);

  @Test
  void cosePublicKeyWhenCreatedThenIsAnEc2Es256MapInCtapOrder() {
    byte[] cose = new SoftAuthenticator().cosePublicKey();

    // a5 (map of 5) 01 02 (kty EC2) 03 26 (alg -7) 20 01 (crv P-256) 21 58 20 (x: 32 bytes)
    assertThat(HexFormat.of().formatHex(cose, 0, 10)).isEqualTo("a5010203262001215820");
    assertThat(HexFormat.of().formatHex(cose, 42, 45)).isEqualTo("225820");
    assertThat(cose).hasSize(77);
  }

  @Test
  void getWhenCalledTwiceThenCountsUpAndSignsAuthDataWithClientDataHash() throws Exception {
    SoftAuthenticator key = new SoftAuthenticator().counter(7);

    key.get("example.com", "https://example.com", CHALLENGE);
    String json = key.get("example.com", "https://example.com", CHALLENGE);

    byte[] authData = field(json, "authenticatorData");
    byte[] clientData = field(json, "clientDataJSON");
    assertThat(ByteBuffer.wrap(authData, 33, 4).getInt()).isEqualTo(9);
    assertThat(Arrays.copyOf(authData, 32))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest("example.com".getBytes()));
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey(key.cosePublicKey()));
    verifier.update(authData);
    verifier.update(MessageDigest.getInstance("SHA-256").digest(clientData));
    assertThat(verifier.verify(field(json, "signature"))).isTrue();
    assertThat(new String(clientData, StandardCharsets.UTF_8))
        .contains("\"type\":\"webauthn.get\"", "\"origin\":\"https://example.com\"");
  }

  @Test
  void getWhenResidentKeyThenCarriesTheUserHandleOfCreation() {
    SoftAuthenticator key = new SoftAuthenticator();
    key.create("example.com", "https://example.com", CHALLENGE, "handle-1".getBytes());

    String json = key.get("example.com", "https://example.com", CHALLENGE);

    assertThat(new String(field(json, "userHandle"), StandardCharsets.US_ASCII))
        .isEqualTo("handle-1");
  }

  @Test
  void getWhenNotResidentThenCarriesNoUserHandleAndNoUvFlagWhenOff() {
    SoftAuthenticator key = new SoftAuthenticator().residentKey(false).userVerified(false);
    key.create("example.com", "https://example.com", CHALLENGE, "handle-1".getBytes());

    String json = key.get("example.com", "https://example.com", CHALLENGE);

    assertThat(json).doesNotContain("userHandle");
    assertThat(field(json, "authenticatorData")[32] & 0x04).isZero();
  }

  private static byte[] field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([A-Za-z0-9_-]*)\"").matcher(json);
    assertThat(m.find()).as(name).isTrue();
    return Base64.getUrlDecoder().decode(m.group(1));
  }

  private static PublicKey publicKey(byte[] cose) throws Exception {
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(cose, 10, 42));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(cose, 45, 77));
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
  }
}
