package dev.portcullis.impl.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialParametersTest {

  @Test
  void stripWhenTokenKeyInQueryThenDroppedAndOthersKeptInOrder() {
    assertThat(CredentialParameters.strip("a=1&auth_token=SECRET&b=2", "auth_token"))
        .isEqualTo("a=1&b=2");
  }

  @Test
  void stripWhenConfiguredTokenKeyThenThatKeyDropped() {
    assertThat(CredentialParameters.strip("key=SECRET&auth_token=x", "key"))
        .isEqualTo("auth_token=x");
  }

  @Test
  void stripWhenPasswordsCodesOrCsrfTokenThenDropped() {
    assertThat(
            CredentialParameters.strip(
                "password=p&new_password=n&csrf_token=c&code=1&passcode=2&token=t&page=3",
                "auth_token"))
        .isEqualTo("page=3");
  }

  @Test
  void stripWhenKeyEncodedOrInOtherCaseThenStillDropped() {
    assertThat(CredentialParameters.strip("auth%5Ftoken=S&AUTH_TOKEN=S&Password&x=1", "auth_token"))
        .isEqualTo("x=1");
  }

  @Test
  void stripWhenKeyMalformedThenDropped() {
    assertThat(CredentialParameters.strip("%zz=1&x=1", "auth_token")).isEqualTo("x=1");
  }

  @Test
  void stripWhenNoQueryThenEmpty() {
    assertThat(CredentialParameters.strip(null, "auth_token")).isEmpty();
    assertThat(CredentialParameters.strip("", "auth_token")).isEmpty();
    assertThat(CredentialParameters.strip("auth_token=S", "auth_token")).isEmpty();
  }
}
