package dev.portcullis.impl.unifiedsignin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsTotpSecretsTest {

  /**
   * Written by Debian's Flask-Security 5.1.2 stack: {@code json.dumps({"email": a, "authenticator":
   * b})} with a and b from passlib's {@code TOTP.using(secrets={"1": "first wallet secret"})
   * .new().to_json()}.
   */
  static final String FLASK =
      "{\"email\": \"{\\\"enckey\\\":{\\\"c\\\":14,\\\"k\\\":\\\"3M2URORVM5JRS7GL3DHIPKCMLUOCANK6\\\","
          + "\\\"s\\\":\\\"VX2R5Y54W53E5SPZH4DQ\\\",\\\"t\\\":\\\"1\\\",\\\"v\\\":1},\\\"type\\\":"
          + "\\\"totp\\\",\\\"v\\\":1}\", \"authenticator\": \"{\\\"enckey\\\":{\\\"c\\\":14,\\\"k\\\":"
          + "\\\"XNZGWR23YQGNMMGTDCEAPJQGHAEAKGK5\\\",\\\"s\\\":\\\"DZB4Q6MPWH3B5Y44WP3A\\\",\\\"t\\\":"
          + "\\\"1\\\",\\\"v\\\":1},\\\"type\\\":\\\"totp\\\",\\\"v\\\":1}\"}";

  @Test
  void readWhenWrittenByFlaskSecurityThenSecretsByMethodInOrder() {
    Map<String, String> secrets = UsTotpSecrets.read(FLASK);

    assertThat(secrets).containsOnlyKeys("email", "authenticator");
    assertThat(secrets.keySet()).containsExactly("email", "authenticator");
    assertThat(secrets.get("email"))
        .isEqualTo(
            "{\"enckey\":{\"c\":14,\"k\":\"3M2URORVM5JRS7GL3DHIPKCMLUOCANK6\","
                + "\"s\":\"VX2R5Y54W53E5SPZH4DQ\",\"t\":\"1\",\"v\":1},\"type\":\"totp\",\"v\":1}");
  }

  @Test
  void writeWhenReadBackThenByteForByteWhatFlaskSecurityWrote() {
    assertThat(UsTotpSecrets.write(UsTotpSecrets.read(FLASK))).isEqualTo(FLASK);
  }

  @Test
  void writeWhenEmptyThenNullAsFlaskStoresNoMethods() {
    assertThat(UsTotpSecrets.write(new LinkedHashMap<>())).isNull();
  }

  @Test
  void readWhenNullBlankOrNotAnObjectThenNoMethods() {
    assertThat(UsTotpSecrets.read(null)).isEmpty();
    assertThat(UsTotpSecrets.read(" ")).isEmpty();
    assertThat(UsTotpSecrets.read("[1]")).isEmpty();
    assertThat(UsTotpSecrets.read("{broken")).isEmpty();
    assertThat(UsTotpSecrets.read("{\"email\": 5}")).isEmpty();
  }

  @Test
  void writeWhenNonAsciiThenEscapedAsPythonsEnsureAscii() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("email", "\u00e4");
    assertThat(UsTotpSecrets.write(secrets)).isEqualTo("{\"email\": \"\\u00e4\"}");
  }
}
