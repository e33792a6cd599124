package dev.portcullis.impl.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of Portcullis' MicroProfile JWT access tokens, and the one place that signs and
 * checks them with nimbus-jose-jwt (RFC 7515 JWS, RFC 7517 JWK Set, RFC 7638 thumbprint key ids).
 * The first key of the file signs; every key is published and accepted, so a new key is rolled in
 * by putting it first and the old one is removed once the last token it signed has expired. Library
 * exceptions end here.
 */
final class JoseKeys {

  private final JWKSet keys;
  private final JWK signing;
  private final JWSAlgorithm algorithm;
  private final JWSSigner signer;

  private JoseKeys(JWKSet keys) throws JOSEException {
    this.keys = keys;
    this.signing = keys.getKeys().get(0);
    this.algorithm = algorithmOf(signing);
    this.signer =
        signing instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) signing);
  }

  /**
   * Reads the key file, creating it with one new RSA key (RS256, 2048 bits) when it does not exist,
   * readable by its owner only.
   *
   * @throws IllegalStateException naming the file and what is wrong with it (never a key)
   */
  static JoseKeys loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      JWKSet set = JWKSet.load(file.toFile());
      check(set, file);
      return new JoseKeys(set);
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalStateException(
          "Portcullis configuration: security.jwt_keys_file "
              + file
              + " cannot be used: "
              + e.getClass().getSimpleName());
    }
  }

  private static void create(Path file) throws IOException, JOSEException {
    RSAKey key =
        new RSAKeyGenerator(2048)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .keyIDFromThumbprint(true)
            .generate();
    byte[] json = new JWKSet(key).toString(false).getBytes(StandardCharsets.UTF_8);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another node created it meanwhile: use theirs
    }
    Files.write(file, json);
  }

  private static void check(JWKSet set, Path file) {
    List<JWK> list = set.getKeys();
    if (list.isEmpty()) {
      throw new IllegalStateException(
          "Portcullis configuration: security.jwt_keys_file " + file + " holds no key");
    }
    for (JWK key : list) {
      boolean usable =
          key.isPrivate()
              && key.getKeyID() != null
              && (key instanceof RSAKey
                  || key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()));
      if (!usable) {
        throw new IllegalStateException(
            "Portcullis configuration: security.jwt_keys_file "
                + file
                + " must hold private RSA or EC P-256 keys, each with a kid");
      }
    }
  }

  private static JWSAlgorithm algorithmOf(JWK key) {
    return key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
  }

  /** The signing algorithm, {@code RS256} or {@code ES256}. */
  String algorithm() {
    return algorithm.getName();
  }

  /** The public keys as a JWK Set document (no private part). */
  String publicJwks() {
    return keys.toPublicJWKSet().toString(true);
  }

  /**
   * Signs {@code claims} with the first key, its {@code kid} and {@code typ: JWT} in the header.
   */
  String sign(Map<String, Object> claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(algorithm)
                  .keyID(signing.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              JWTClaimsSet.parse(claims));
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException | ParseException e) {
      throw new IllegalStateException("Signing an access token failed", e);
    }
  }

  /** What a verified token says, as far as checking it needs. */
  record Verified(String issuer, List<String> audience, Optional<Instant> expires, String subject) {
    Verified {
      audience = audience == null ? List.of() : List.copyOf(audience);
    }
  }

  /**
   * The claims of a token one of the keys signed, with the algorithm that key is for; empty for
   * anything else (malformed, unknown {@code kid}, other algorithm, bad signature).
   */
  Optional<Verified> verified(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
      if (key == null || !algorithmOf(key).equals(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      JWSVerifier verifier =
          key instanceof RSAKey rsa
              ? new RSASSAVerifier(rsa.toRSAPublicKey())
              : new ECDSAVerifier(((ECKey) key).toECPublicKey());
      if (!jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      return Optional.of(
          new Verified(
              claims.getIssuer(),
              claims.getAudience(),
              Optional.ofNullable(claims.getExpirationTime()).map(java.util.Date::toInstant),
              claims.getSubject()));
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
