package dev.portcullis.web.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginIdentityTest {

  private final LoginIdentity either = new LoginIdentity(true, true);

  @Test
  void formFieldWhenEmailAndUsernameIdentifyThenAtSignMeansEmail() {
    assertThat(either.formField("someone@example.com")).isEqualTo("email");
    assertThat(either.formField("someone@")).isEqualTo("email");
    assertThat(either.formField("someone")).isEqualTo("username");
    assertThat(either.formField(null)).isEqualTo("username");
    assertThat(either.labelKey()).isEqualTo("page.login_user.identity");
    assertThat(either.inputType()).isEqualTo("text");
  }

  @Test
  void formFieldWhenOnlyEmailIdentifiesThenAlwaysEmail() {
    LoginIdentity email = new LoginIdentity(true, false);
    assertThat(email.formField("someone")).isEqualTo("email");
    assertThat(email.labelKey()).isEqualTo("page.login_user.email");
    assertThat(email.inputType()).isEqualTo("email");
  }

  @Test
  void formFieldWhenOnlyUsernameIdentifiesThenAlwaysUsername() {
    LoginIdentity username = new LoginIdentity(false, true);
    assertThat(username.formField("someone@example.com")).isEqualTo("username");
    assertThat(username.labelKey()).isEqualTo("page.login_user.username");
    assertThat(username.inputType()).isEqualTo("text");
  }

  @Test
  void errorsWhenAboutEmailOrUsernameThenUnderTheOneFieldOthersKept() {
    Map<String, List<String>> shown =
        LoginIdentity.errors(
            Map.of(
                "email", List.of("bad address"),
                "password", List.of("wrong"),
                "next", List.of("not allowed")));

    assertThat(shown)
        .containsOnly(
            Map.entry("identity", List.of("bad address")),
            Map.entry("password", List.of("wrong")),
            Map.entry("next", List.of("not allowed")));
  }
}
