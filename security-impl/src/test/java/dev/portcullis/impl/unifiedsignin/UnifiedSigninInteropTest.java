package dev.portcullis.impl.unifiedsignin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.interop.FlaskPython;
import dev.portcullis.impl.totp.MultiFactorFixtures;
import dev.portcullis.impl.totp.OneTimeCodes;
import dev.portcullis.impl.totp.TotpKey;
import dev.portcullis.impl.totp.TotpWallet;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code us_totp_secrets} both ways with Flask-Security 5.1.2: the column its datastore wrote
 * ({@code multifactor-fixtures/vectors.json}, section {@code unified}) gives Portcullis each
 * method's codes; the column Portcullis writes gives Flask-Security the same codes, checked live by
 * {@code verify_with_flask.py} — a user's unified sign-in methods survive a move either way.
 */
class UnifiedSigninInteropTest {

  private static final String SCRIPT = "/multifactor-fixtures/verify_with_flask.py";

  @Test
  void readWhenFlaskSecurityWroteTheColumnThenEveryMethodGivesItsCodes() {
    JsonObject unified = MultiFactorFixtures.vectors().getJsonObject("unified");
    TotpWallet wallet = MultiFactorFixtures.totpWallet();

    Map<String, String> secrets = UsTotpSecrets.read(unified.getString("us_totp_secrets"));

    assertThat(secrets).containsOnlyKeys("email", "authenticator", "sms");
    unified
        .getJsonObject("codes")
        .forEach(
            (method, codes) -> {
              TotpKey key = wallet.decrypt(secrets.get(method)).orElseThrow();
              codes
                  .asJsonObject()
                  .forEach(
                      (time, code) ->
                          assertThat(
                                  OneTimeCodes.codeAt(
                                      key, Instant.ofEpochSecond(Long.parseLong(time))))
                              .as("%s at %s", method, time)
                              .isEqualTo(((jakarta.json.JsonString) code).getString()));
            });
    assertThat(UsTotpSecrets.write(secrets))
        .as("written back unchanged")
        .isEqualTo(unified.getString("us_totp_secrets"));
  }

  @Test
  void writeThenFlaskSecurityReadsEveryMethodsCodes() throws Exception {
    FlaskPython.assumeModules("flask_security", "passlib");
    TotpWallet wallet = MultiFactorFixtures.totpWallet();
    Map<String, TotpKey> keys = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String method : List.of("email", "sms", "authenticator")) {
      TotpKey key = TotpKey.generate(new SecureRandom());
      keys.put(method, key);
      secrets.put(method, wallet.encrypt(key));
    }
    String column = UsTotpSecrets.write(secrets);

    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String method : keys.keySet()) {
      for (long time : new long[] {59, 1_700_000_015L}) {
        lines.add(String.join("\t", "us", column, method, Long.toString(time)));
        expected.add(OneTimeCodes.codeAt(keys.get(method), Instant.ofEpochSecond(time)));
      }
    }

    assertThat(FlaskPython.run(SCRIPT, lines)).containsExactlyElementsOf(expected);
  }
}
