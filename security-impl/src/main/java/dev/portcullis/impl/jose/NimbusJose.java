package dev.portcullis.impl.jose;

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
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one adapter to nimbus-jose-jwt (DESIGN §3 "one adapter per third-party library"): every JWS
 * signed or checked by Portcullis goes through here, and the library's exceptions end here.
 *
 * <ul>
 *   <li>{@link OwnKeys}: Portcullis' own signing keys for its MicroProfile JWT access tokens (RFC
 *       7515 JWS, RFC 7517 JWK Set, RFC 7638 thumbprint key ids), used by {@code impl.jwt}.
 *   <li>{@link IssuerKeys}: an OpenID Connect provider's published keys and the checks of its ID
 *       tokens (OIDC Core §3.1.3.7), used by {@code impl.oauth}, whose adapter to the OAuth 2.0 SDK
 *       does the protocol and hands the ID token over as text.
 * </ul>
 */
public final class NimbusJose {

  private NimbusJose() {}

  /**
   * Reads Portcullis' signing key file, creating it with one new RSA key (RS256, 2048 bits) when it
   * does not exist, readable by its owner only.
   *
   * @throws IllegalStateException naming the file and what is wrong with it (never a key)
   */
  public static OwnKeys ownKeys(Path file) {
    try {
      if (!Files.exists(file)) {
        createKeyFile(file);
      }
      JWKSet set = JWKSet.load(file.toFile());
      checkKeyFile(set, file);
      return new OwnKeys(set);
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalStateException(
          "Portcullis configuration: security.jwt_keys_file "
              + file
              + " cannot be used: "
              + e.getClass().getSimpleName());
    }
  }

  /**
   * The keys an OpenID Connect provider publishes at {@code jwksUrl}, fetched (and refreshed for an
   * unknown {@code kid}) within {@code timeout}, for ID tokens signed with one of {@code
   * offeredAlgorithms} (the provider's {@code id_token_signing_alg_values_supported}): only the
   * asymmetric ones — never {@code none}, never HMAC, which would make the client secret a
   * verification key; RS256 when it offers none of those.
   */
  public static IssuerKeys issuerKeys(
      URI jwksUrl, Collection<String> offeredAlgorithms, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try {
      JWKSource<SecurityContext> source =
          JWKSourceBuilder.<SecurityContext>create(
                  jwksUrl.toURL(), new DefaultResourceRetriever(millis, millis))
              .build();
      return new IssuerKeys(
          new JWSVerificationKeySelector<>(asymmetric(offeredAlgorithms), source));
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("The provider's jwks_uri is not a URL: " + jwksUrl);
    }
  }

  private static Set<JWSAlgorithm> asymmetric(Collection<String> offered) {
    Set<JWSAlgorithm> asymmetric =
        offered == null
            ? Set.of()
            : offered.stream()
                .map(JWSAlgorithm::parse)
                .filter(
                    a ->
                        JWSAlgorithm.Family.RSA.contains(a)
                            || JWSAlgorithm.Family.EC.contains(a)
                            || JWSAlgorithm.Family.ED.contains(a))
                .collect(Collectors.toSet());
    return asymmetric.isEmpty() ? Set.of(JWSAlgorithm.RS256) : asymmetric;
  }

  private static void createKeyFile(Path file) throws IOException, JOSEException {
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

  private static void checkKeyFile(JWKSet set, Path file) {
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

  /**
   * Portcullis' signing keys. The first key of the file signs; every key is published and accepted,
   * so a new key is rolled in by putting it first and the old one is removed once the last token it
   * signed has expired.
   */
  public static final class OwnKeys {

    private final JWKSet keys;
    private final JWK signing;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    private OwnKeys(JWKSet keys) throws JOSEException {
      this.keys = keys;
      this.signing = keys.getKeys().get(0);
      this.algorithm = algorithmOf(signing);
      this.signer =
          signing instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) signing);
    }

    /** The signing algorithm, {@code RS256} or {@code ES256}. */
    public String algorithm() {
      return algorithm.getName();
    }

    /** The public keys as a JWK Set document (no private part). */
    public String publicJwks() {
      return keys.toPublicJWKSet().toString(true);
    }

    /**
     * Signs {@code claims} with the first key, its {@code kid} and {@code typ: JWT} in the header.
     */
    public String sign(Map<String, Object> claims) {
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

    /**
     * The claims of a token one of the keys signed, with the algorithm that key is for; empty for
     * anything else (malformed, unknown {@code kid}, other algorithm, bad signature).
     */
    public Optional<Verified> verified(String token) {
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

  /** What a verified token of Portcullis' own says, as far as checking it needs. */
  public record Verified(
      String issuer, List<String> audience, Optional<Instant> expires, String subject) {
    /** Copies the audience. */
    public Verified {
      audience = audience == null ? List.of() : List.copyOf(audience);
    }
  }

  /** An OpenID Connect provider's published keys, checking its ID tokens. */
  public static final class IssuerKeys {

    private final JWSVerificationKeySelector<SecurityContext> selector;

    private IssuerKeys(JWSVerificationKeySelector<SecurityContext> selector) {
      this.selector = selector;
    }

    /**
     * Checks an ID token as OIDC Core §3.1.3.7 says: signed by one of the provider's keys with an
     * accepted algorithm (steps 6–8), {@code iss} is the issuer (2), {@code aud} contains the
     * client id (3) and, with several audiences, {@code azp} is the client id (4, 5), not expired
     * and issued with {@code sub} and {@code iat} (9, 10), and {@code nonce} is the sign-in's (11);
     * one minute of clock skew.
     *
     * @return its claims, or why it was refused (in words that quote nothing of the token)
     */
    public IdTokenCheck check(String idToken, String issuer, String clientId, String nonce) {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(selector);
      processor.setJWTClaimsSetVerifier(
          // Mutable sets: some versions of the verifier ask them contains(null), which Set.of()
          // answers with an exception (the server's own nimbus-jose-jwt may be the one loaded).
          new DefaultJWTClaimsVerifier<>(
              new HashSet<>(List.of(clientId)),
              new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
              new HashSet<>(List.of("sub", "iat", "exp")),
              new HashSet<>()));
      try {
        JWTClaimsSet claims = processor.process(idToken, null);
        List<String> audience = claims.getAudience();
        if (audience.size() > 1 && !clientId.equals(claims.getStringClaim("azp"))) {
          return new IdTokenCheck.Refused("The ID token failed its checks");
        }
        return new IdTokenCheck.Valid(claims.getSubject(), claims.getClaims());
      } catch (ParseException | BadJOSEException | JOSEException e) {
        return new IdTokenCheck.Refused(refusal(e));
      }
    }

    private static String refusal(Exception e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (e instanceof BadJWTException && message.contains("Expired")) {
        return "The ID token has expired";
      }
      if (message.contains("nonce")) {
        return "The ID token was not issued for this sign-in";
      }
      return "The ID token failed its checks";
    }
  }

  /** The result of {@link IssuerKeys#check}. */
  public sealed interface IdTokenCheck {

    /**
     * A valid ID token.
     *
     * @param subject its {@code sub}
     * @param claims every claim, as parsed JSON values
     */
    record Valid(String subject, Map<String, Object> claims) implements IdTokenCheck {
      /** Copies the claims. */
      public Valid {
        claims = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(claims));
      }
    }

    /**
     * A refused ID token.
     *
     * @param description why, in words that quote nothing of the token
     */
    record Refused(String description) implements IdTokenCheck {}
  }
}
