package dev.portcullis.test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A software WebAuthn authenticator and the browser around it, for tests: it answers registration
 * and authentication ceremonies with the JSON a browser posts ({@code PublicKeyCredential} in the
 * WebAuthn Level 3 JSON form, base64url fields), from a fresh EC P-256 key (COSE algorithm -7,
 * ES256) and plain JCA. It is written from the WebAuthn Level 3 specification (§6.1 authenticator
 * data, §6.5.1 attested credential data, §8.2 packed and §8.7 none attestation, §5.8.1 client data)
 * and shares no code with the relying party it tests.
 *
 * <p>Knobs, each a setter returning {@code this}: {@link #userVerified(boolean) UV flag}, {@link
 * #residentKey(boolean) discoverable credential} (then assertions carry the user handle), {@link
 * #counter(long) signature counter} (to produce a regression), {@link #backup(boolean, boolean)
 * BE/BS flags}, {@link #attestation(Attestation) attestation format}, {@link #transports(List)
 * transports}. A second instance is a second, unregistered authenticator.
 *
 * <pre>{@code
 * SoftAuthenticator key = new SoftAuthenticator();
 * String created = key.create("example.com", "https://example.com", challenge, userHandle);
 * String asserted = key.get("example.com", "https://example.com", challenge2);
 * }</pre>
 */
public final class SoftAuthenticator {

  /** The attestation statement the authenticator produces. */
  public enum Attestation {
    /** {@code fmt: "none"}, empty statement (WebAuthn L3 §8.7). */
    NONE,
    /** {@code fmt: "packed"} self attestation: signed with the credential key, no x5c (§8.2). */
    PACKED_SELF
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
  private static final int FLAG_UP = 0x01;
  private static final int FLAG_UV = 0x04;
  private static final int FLAG_BE = 0x08;
  private static final int FLAG_BS = 0x10;
  private static final int FLAG_AT = 0x40;

  private final KeyPair keys;
  private final byte[] credentialId;
  private boolean userVerified = true;
  private boolean residentKey = true;
  private boolean backupEligible;
  private boolean backupState;
  private long counter;
  private boolean counting = true;
  private Attestation attestation = Attestation.NONE;
  private List<String> transports = List.of("usb");
  private byte[] userHandle;

  /** A new authenticator with a new key pair and a random 32-byte credential id. */
  public SoftAuthenticator() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC P-256 in this JVM", e);
    }
    this.credentialId = new byte[32];
    RANDOM.nextBytes(credentialId);
  }

  /** Sets the UV flag of every later response (default {@code true}). */
  public SoftAuthenticator userVerified(boolean flag) {
    this.userVerified = flag;
    return this;
  }

  /**
   * Whether the credential is discoverable (default {@code true}): reported as {@code
   * credProps.rk}, and assertions then carry the user handle given at creation.
   */
  public SoftAuthenticator residentKey(boolean flag) {
    this.residentKey = flag;
    return this;
  }

  /** Sets the BE (backup eligible) and BS (backed up) flags (default both {@code false}). */
  public SoftAuthenticator backup(boolean eligible, boolean state) {
    this.backupEligible = eligible;
    this.backupState = state;
    return this;
  }

  /**
   * Sets the signature counter. Each assertion first adds one and then reports it, so after {@code
   * counter(2)} the next assertion says 3; set it below a stored value to look like a clone.
   */
  public SoftAuthenticator counter(long value) {
    this.counter = value;
    return this;
  }

  /** With {@code false} the counter stays as it is (like passkeys that always report 0). */
  public SoftAuthenticator counting(boolean flag) {
    this.counting = flag;
    return this;
  }

  /** The attestation format of {@link #create} (default {@link Attestation#NONE}). */
  public SoftAuthenticator attestation(Attestation format) {
    this.attestation = format;
    return this;
  }

  /** The transports the browser reports at registration (default {@code ["usb"]}). */
  public SoftAuthenticator transports(List<String> names) {
    this.transports = List.copyOf(names);
    return this;
  }

  /**
   * A resident key registered elsewhere (another server on the same RP ID, e.g. Flask-Security):
   * the user handle it keeps and returns in its assertions, without a {@link #create} here.
   */
  public SoftAuthenticator userHandle(byte[] handle) {
    this.userHandle = handle.clone();
    this.residentKey = true;
    return this;
  }

  /** The raw credential id. */
  public byte[] credentialId() {
    return credentialId.clone();
  }

  /** The credential id as base64url without padding (the JSON {@code id}). */
  public String credentialIdBase64Url() {
    return B64U.encodeToString(credentialId);
  }

  /** The current signature counter. */
  public long currentCounter() {
    return counter;
  }

  /** The user handle remembered at creation (present only for a resident key). */
  public Optional<byte[]> userHandle() {
    return Optional.ofNullable(userHandle).map(byte[]::clone);
  }

  /** The public key as the COSE_Key map (EC2, ES256) a relying party stores. */
  public byte[] cosePublicKey() {
    ECPublicKey key = (ECPublicKey) keys.getPublic();
    Cbor cbor = new Cbor().map(5);
    cbor.integer(1).integer(2); // kty: EC2
    cbor.integer(3).integer(-7); // alg: ES256
    cbor.integer(-1).integer(1); // crv: P-256
    cbor.integer(-2).bytes(unsigned32(key.getW().getAffineX()));
    cbor.integer(-3).bytes(unsigned32(key.getW().getAffineY()));
    return cbor.toBytes();
  }

  /**
   * Answers {@code navigator.credentials.create()}: the registration response JSON.
   *
   * @param rpId the relying party id whose SHA-256 goes into the authenticator data
   * @param origin the origin the browser puts into the client data
   * @param challenge the challenge bytes of the options
   * @param user the user handle ({@code user.id} of the options)
   */
  public String create(String rpId, String origin, byte[] challenge, byte[] user) {
    this.userHandle = residentKey ? user.clone() : null;
    byte[] clientData = clientData("webauthn.create", challenge, origin);
    byte[] authData = authenticatorData(rpId, FLAG_AT, counter, attestedCredentialData());
    byte[] attestationObject = attestationObject(authData, clientData);
    StringBuilder json = credentialHead();
    json.append(",\"response\":{\"clientDataJSON\":\"")
        .append(B64U.encodeToString(clientData))
        .append("\",\"attestationObject\":\"")
        .append(B64U.encodeToString(attestationObject))
        .append("\",\"transports\":[");
    for (int i = 0; i < transports.size(); i++) {
      json.append(i == 0 ? "" : ",").append(jsonString(transports.get(i)));
    }
    json.append("],\"publicKeyAlgorithm\":-7}");
    json.append(",\"clientExtensionResults\":{\"credProps\":{\"rk\":")
        .append(residentKey)
        .append("}}}");
    return json.toString();
  }

  /**
   * Answers {@code navigator.credentials.get()}: the authentication response JSON, signed with this
   * authenticator's key after moving the counter on.
   */
  public String get(String rpId, String origin, byte[] challenge) {
    if (counting) {
      counter++;
    }
    byte[] clientData = clientData("webauthn.get", challenge, origin);
    byte[] authData = authenticatorData(rpId, 0, counter, new byte[0]);
    byte[] signature = sign(concat(authData, sha256(clientData)));
    StringBuilder json = credentialHead();
    json.append(",\"response\":{\"clientDataJSON\":\"")
        .append(B64U.encodeToString(clientData))
        .append("\",\"authenticatorData\":\"")
        .append(B64U.encodeToString(authData))
        .append("\",\"signature\":\"")
        .append(B64U.encodeToString(signature))
        .append('"');
    if (userHandle != null) {
      json.append(",\"userHandle\":\"").append(B64U.encodeToString(userHandle)).append('"');
    }
    json.append("},\"clientExtensionResults\":{}}");
    return json.toString();
  }

  private StringBuilder credentialHead() {
    String id = B64U.encodeToString(credentialId);
    return new StringBuilder("{\"id\":\"")
        .append(id)
        .append("\",\"rawId\":\"")
        .append(id)
        .append("\",\"type\":\"public-key\",\"authenticatorAttachment\":\"cross-platform\"");
  }

  private static byte[] clientData(String type, byte[] challenge, String origin) {
    String json =
        "{\"type\":"
            + jsonString(type)
            + ",\"challenge\":"
            + jsonString(B64U.encodeToString(challenge))
            + ",\"origin\":"
            + jsonString(origin)
            + ",\"crossOrigin\":false}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] authenticatorData(String rpId, int extraFlags, long count, byte[] attested) {
    int flags = FLAG_UP | extraFlags;
    flags |= userVerified ? FLAG_UV : 0;
    flags |= backupEligible ? FLAG_BE : 0;
    flags |= backupState ? FLAG_BS : 0;
    ByteBuffer data = ByteBuffer.allocate(37 + attested.length);
    data.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
    data.put((byte) flags);
    data.putInt((int) count);
    data.put(attested);
    return data.array();
  }

  private byte[] attestedCredentialData() {
    byte[] cose = cosePublicKey();
    ByteBuffer data = ByteBuffer.allocate(16 + 2 + credentialId.length + cose.length);
    data.put(new byte[16]); // AAGUID: zero, as with "none" attestation
    data.putShort((short) credentialId.length);
    data.put(credentialId);
    data.put(cose);
    return data.array();
  }

  private byte[] attestationObject(byte[] authData, byte[] clientData) {
    Cbor cbor = new Cbor().map(3);
    if (attestation == Attestation.NONE) {
      cbor.text("fmt").text("none").text("attStmt").map(0);
    } else {
      byte[] sig = sign(concat(authData, sha256(clientData)));
      cbor.text("fmt").text("packed").text("attStmt").map(2);
      cbor.text("alg").integer(-7).text("sig").bytes(sig);
    }
    cbor.text("authData").bytes(authData);
    return cbor.toBytes();
  }

  private byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate(), RANDOM);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
    return fixed;
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** The few CBOR (RFC 8949) items WebAuthn needs, in the order they are written. */
  static final class Cbor {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Cbor integer(long value) {
      return value >= 0 ? head(0, value) : head(1, -1 - value);
    }

    Cbor bytes(byte[] value) {
      head(2, value.length);
      out.writeBytes(value);
      return this;
    }

    Cbor text(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      head(3, utf8.length);
      out.writeBytes(utf8);
      return this;
    }

    Cbor map(int pairs) {
      return head(5, pairs);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }

    private Cbor head(int major, long value) {
      List<Integer> bytes = new ArrayList<>();
      int type = major << 5;
      if (value < 24) {
        bytes.add(type | (int) value);
      } else if (value < 0x100) {
        bytes.add(type | 24);
        bytes.add((int) value);
      } else if (value < 0x10000) {
        bytes.add(type | 25);
        bytes.add((int) (value >> 8) & 0xff);
        bytes.add((int) value & 0xff);
      } else {
        bytes.add(type | 26);
        for (int shift = 24; shift >= 0; shift -= 8) {
          bytes.add((int) (value >> shift) & 0xff);
        }
      }
      bytes.forEach(out::write);
      return this;
    }
  }
}
