package dev.portcullis.impl.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.spi.UserRecord;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtTokensTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;

  private JwtTokens tokens(Path keys, Instant at, List<String> audiences) {
    return new JwtTokens(
        new JwtConfig(
            true, "https://app.example.com", audiences, Duration.ofMinutes(5), Optional.of(keys)),
        Clock.fixed(at, ZoneOffset.UTC));
  }

  private static UserRecord user() {
    return new UserRecord(
        7L,
        "ann@example.com",
        null,
        null,
        true,
        "uniq-7",
        "tok-7",
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        Set.of("user", "admin"),
        Set.of(),
        null,
        null);
  }

  private static JsonObject part(String jwt, int index) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void issueWhenUserThenMicroProfileClaimsAndKidSignedRs256() {
    Path keys = dir.resolve("jwks.json");
    JwtTokens.Issued issued = tokens(keys, NOW, List.of("orders", "portcullis")).issue(user());
    JsonObject header = part(issued.token(), 0);
    JsonObject claims = part(issued.token(), 1);
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("typ")).isEqualTo("JWT");
    assertThat(header.getString("kid")).isNotBlank();
    assertThat(claims.getString("iss")).isEqualTo("https://app.example.com");
    assertThat(claims.getString("sub")).isEqualTo("uniq-7");
    assertThat(claims.getString("upn")).isEqualTo("ann@example.com");
    assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder("user", "admin");
    assertThat(claims.getJsonArray("aud").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("orders", "portcullis");
    assertThat(claims.getJsonNumber("iat").longValue()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 300);
    assertThat(claims.getString("jti")).isNotBlank();
    assertThat(issued.expiresIn()).isEqualTo(300);
  }

  @Test
  void subjectWhenOwnTokenWithinLifetimeThenUniquifier() {
    Path keys = dir.resolve("jwks.json");
    String token = tokens(keys, NOW, List.of("portcullis")).issue(user()).token();
    assertThat(tokens(keys, NOW.plusSeconds(299), List.of("portcullis")).subject(token))
        .contains("uniq-7");
  }

  @Test
  void subjectWhenExpiredThenEmpty() {
    Path keys = dir.resolve("jwks.json");
    String token = tokens(keys, NOW, List.of("portcullis")).issue(user()).token();
    assertThat(tokens(keys, NOW.plusSeconds(300), List.of("portcullis")).subject(token)).isEmpty();
  }

  @Test
  void subjectWhenOtherAudienceFirstThenEmpty() {
    Path keys = dir.resolve("jwks.json");
    String token = tokens(keys, NOW, List.of("orders")).issue(user()).token();
    assertThat(tokens(keys, NOW, List.of("portcullis", "orders")).subject(token)).isEmpty();
  }

  @Test
  void subjectWhenPayloadTamperedThenEmpty() {
    Path keys = dir.resolve("jwks.json");
    JwtTokens tokens = tokens(keys, NOW, List.of("portcullis"));
    String[] parts = tokens.issue(user()).token().split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                part(String.join(".", parts), 1)
                    .toString()
                    .replace("uniq-7", "uniq-8")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(tokens.subject(parts[0] + "." + forged + "." + parts[2])).isEmpty();
  }

  @Test
  void subjectWhenSignedByAnotherKeyFileThenEmpty() {
    String foreign =
        tokens(dir.resolve("a.json"), NOW, List.of("portcullis")).issue(user()).token();
    assertThat(tokens(dir.resolve("b.json"), NOW, List.of("portcullis")).subject(foreign))
        .isEmpty();
  }

  @Test
  void loadWhenFileMissingThenCreatedOwnerOnlyAndPublishedWithoutPrivateParts() throws IOException {
    Path keys = dir.resolve("sub/jwks.json");
    String published = tokens(keys, NOW, List.of("portcullis")).publicJwks();
    assertThat(Files.exists(keys)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rw-------");
    JsonObject key =
        Json.createReader(new StringReader(published))
            .readObject()
            .getJsonArray("keys")
            .getJsonObject(0);
    assertThat(key.getString("kty")).isEqualTo("RSA");
    assertThat(key.containsKey("d")).isFalse();
    assertThat(key.containsKey("p")).isFalse();
  }

  @Test
  void loadWhenFileHoldsOnlyPublicKeysThenFailsNamingTheKey() throws IOException {
    Path keys = dir.resolve("jwks.json");
    String published = tokens(keys, NOW, List.of("portcullis")).publicJwks();
    Path publicOnly = dir.resolve("public.json");
    Files.writeString(publicOnly, published);
    assertThatThrownBy(() -> tokens(publicOnly, NOW, List.of("portcullis")).publicJwks())
        .hasMessageContaining("security.jwt_keys_file")
        .hasMessageContaining("private");
  }
}
