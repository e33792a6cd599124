package dev.portcullis.impl.totp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {

  @Test
  void textWhenFixtureThenExactlyFlaskSecuritysUri() {
    JsonObject vector = MultiFactorFixtures.vectors().getJsonArray("totp").getJsonObject(0);
    TotpKey key = TotpKey.fromBase32(vector.getString("key")).orElseThrow();
    String issuer = MultiFactorFixtures.vectors().getString("issuer");

    assertThat(new OtpAuthUri(key, "ann@example.com", issuer).text())
        .isEqualTo(vector.getString("uri"));
    assertThat(new OtpAuthUri(key, "J\u00f6rg B/x+y", issuer).text())
        .isEqualTo(vector.getString("uri_odd_user"));
  }

  @Test
  void parseWhenFlaskUriThenKeyLabelAndIssuer() {
    JsonObject vector = MultiFactorFixtures.vectors().getJsonArray("totp").getJsonObject(0);

    OtpAuthUri uri = OtpAuthUri.parse(vector.getString("uri_odd_user")).orElseThrow();

    assertThat(uri.key().base32()).isEqualTo(vector.getString("key"));
    assertThat(uri.label()).isEqualTo("J\u00f6rg B/x+y");
    assertThat(uri.issuer()).isEqualTo("Portcullis Fixtures");
  }

  @Test
  void parseWhenOtherParametersOrConflictingIssuerThenEmpty() {
    assertThat(OtpAuthUri.parse("otpauth://totp/a?secret=ABCDEFGH&digits=8")).isEmpty();
    assertThat(OtpAuthUri.parse("otpauth://totp/a?secret=ABCDEFGH&algorithm=SHA256")).isEmpty();
    assertThat(OtpAuthUri.parse("otpauth://totp/X:a?secret=ABCDEFGH&issuer=Y")).isEmpty();
    assertThat(OtpAuthUri.parse("otpauth://totp/a?secret=ABCDEFGH&secret=ABCDEFGH")).isEmpty();
    assertThat(OtpAuthUri.parse("otpauth://totp/a")).isEmpty();
    assertThat(OtpAuthUri.parse("otpauth://totp/ a b")).isEmpty();
  }
}
