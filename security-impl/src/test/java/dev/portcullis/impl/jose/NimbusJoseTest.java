package dev.portcullis.impl.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.impl.jose.NimbusJose.IdTokenCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID-token checks of OIDC Core §3.1.3.7 against a provider's JWK Set served over HTTP by the
 * JDK's own server; tokens are made here with the provider's key (or another one).
 */
class NimbusJoseTest {

  static final String ISSUER = "https://issuer.example.com";
  static final String CLIENT = "portcullis";
  static final String NONCE = "the-nonce-of-this-sign-in";

  static HttpServer server;
  static RSAKey providerKey;
  static NimbusJose.IssuerKeys keys;

  @BeforeAll
  static void serveJwks() throws Exception {
    providerKey = new RSAKeyGenerator(2048).keyID("provider-1").generate();
    byte[] jwks = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    keys = NimbusJose.issuerKeys(url, List.of("RS256", "HS256", "none"), Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void checkWhenSignedByProviderForThisClientAndNonceThenValidWithClaims() throws Exception {
    IdTokenCheck checked = keys.check(token(claims().build(), providerKey), ISSUER, CLIENT, NONCE);

    assertThat(checked).isInstanceOf(IdTokenCheck.Valid.class);
    IdTokenCheck.Valid valid = (IdTokenCheck.Valid) checked;
    assertThat(valid.subject()).isEqualTo("sub-1");
    assertThat(valid.claims()).containsEntry("email", "ann@example.com");
  }

  @Test
  void checkWhenExpiredThenRefusedAsExpired() throws Exception {
    Instant past = Instant.now().minusSeconds(600);
    JWTClaimsSet expired =
        claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build();

    assertThat(keys.check(token(expired, providerKey), ISSUER, CLIENT, NONCE))
        .isEqualTo(new IdTokenCheck.Refused("The ID token has expired"));
  }

  @Test
  void checkWhenNonceOfAnotherSignInOrMissingThenRefusedAsNotForThisSignIn() throws Exception {
    String other = token(claims().claim("nonce", "another").build(), providerKey);
    String none = token(claims().claim("nonce", null).build(), providerKey);

    for (String token : List.of(other, none)) {
      assertThat(keys.check(token, ISSUER, CLIENT, NONCE))
          .isEqualTo(new IdTokenCheck.Refused("The ID token was not issued for this sign-in"));
    }
  }

  @Test
  void checkWhenOtherIssuerAudienceOrKeyThenRefused() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("provider-1").generate();
    List<String> refused =
        List.of(
            token(claims().issuer("https://evil.example.com").build(), providerKey),
            token(claims().audience("another-client").build(), providerKey),
            token(claims().audience(List.of(CLIENT, "another-client")).build(), providerKey),
            token(claims().build(), stranger),
            "not.a.token");

    for (String token : refused) {
      assertThat(keys.check(token, ISSUER, CLIENT, NONCE))
          .as(token)
          .isInstanceOf(IdTokenCheck.Refused.class);
    }
  }

  @Test
  void checkWhenSeveralAudiencesAndAzpIsThisClientThenValid() throws Exception {
    JWTClaimsSet several =
        claims().audience(List.of(CLIENT, "another-client")).claim("azp", CLIENT).build();

    assertThat(keys.check(token(several, providerKey), ISSUER, CLIENT, NONCE))
        .isInstanceOf(IdTokenCheck.Valid.class);
  }

  @Test
  void checkWhenHmacSignedWithAnyKeyThenRefusedThoughTheProviderOffersHs256() throws Exception {
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner("a-client-secret-an-attacker-might-know-32b".getBytes()));

    assertThat(keys.check(hmac.serialize(), ISSUER, CLIENT, NONCE))
        .isInstanceOf(IdTokenCheck.Refused.class);
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("sub-1")
        .audience(CLIENT)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", NONCE)
        .claim("email", "ann@example.com");
  }

  private static String token(JWTClaimsSet claims, RSAKey key) throws JOSEException, IOException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
