package dev.portcullis.impl.totp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.interop.FlaskPython;
import dev.portcullis.impl.recoverycodes.RecoveryCodeCipher;
import dev.portcullis.impl.recoverycodes.RecoveryCodes;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other direction: what Portcullis stores (TOTP keys under the wallet, Fernet-sealed recovery
 * codes) is read by Flask-Security 5.1.2 / passlib / cryptography, checked live by {@code
 * multifactor-fixtures/verify_with_flask.py} — a user enrolled here keeps the same authenticator
 * app and recovery codes when Flask-Security serves the database again.
 */
class MultiFactorInteropTest {

  private static final String SCRIPT = "/multifactor-fixtures/verify_with_flask.py";

  @BeforeAll
  static void requireFlaskSecurity() throws InterruptedException {
    FlaskPython.assumeModules("flask_security", "passlib", "cryptography");
  }

  @Test
  void encryptThenFlaskSecurityGivesTheSameCodesAndUri() throws Exception {
    TotpWallet wallet = MultiFactorFixtures.totpWallet();
    String issuer = MultiFactorFixtures.vectors().getString("issuer");
    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TotpKey key = TotpKey.generate(new SecureRandom());
      String stored = wallet.encrypt(key);
      for (long time : new long[] {59, 1_700_000_015L, 2_000_000_000L}) {
        lines.add(String.join("\t", "totp", stored, Long.toString(time)));
        expected.add(OneTimeCodes.codeAt(key, Instant.ofEpochSecond(time)));
      }
      lines.add(String.join("\t", "uri", stored, "ann@example.com"));
      expected.add(new OtpAuthUri(key, "ann@example.com", issuer).text());
    }

    assertThat(FlaskPython.run(SCRIPT, lines)).containsExactlyElementsOf(expected);
  }

  @Test
  void sealThenFlaskSecurityOpensTheRecoveryCodes() throws Exception {
    List<String> keys =
        MultiFactorFixtures.vectors().getJsonObject("fernet").getJsonArray("keys").stream()
            .map(value -> ((JsonString) value).getString())
            .toList();
    RecoveryCodeCipher cipher =
        new RecoveryCodeCipher(keys, Optional.empty(), Clock.systemUTC(), new SecureRandom());
    RecoveryCodes.Generated generated = RecoveryCodes.generate(5, cipher, new SecureRandom());

    List<String> lines =
        generated.codes().stored().stream().map(stored -> "fernet\t" + stored).toList();

    assertThat(FlaskPython.run(SCRIPT, lines)).containsExactlyElementsOf(generated.plain());
  }
}
