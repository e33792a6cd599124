package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.TwoFactorSteps;
import dev.portcullis.sample.support.WebAuthnClient;
import jakarta.json.Json;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code security.wan_allow_as_verify=none} (Flask-Security: {@code WAN_ALLOW_AS_VERIFY} empty): no
 * key may re-authenticate, so {@code /wan-verify} is not there even for a user who owns keys, and
 * nothing offers it. The other half, a negative {@code security.freshness}, is in {@link
 * ConfigVariantsIT}. Keys still register and sign in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAuthnVerifyOffIT {

  static final String ORIGIN = "http://localhost:8080";
  static final String JSON = TwoFactorSteps.JSON;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployment.withConfiguration(
        SampleDeployment.sampleConfiguration()
            + "\nsecurity.webauthn=true\n"
            + "security.wan_rp_id=localhost\n"
            + "security.wan_origins="
            + ORIGIN
            + "\nsecurity.wan_allow_as_verify=none\n");
  }

  @ArquillianResource URL base;

  @Test
  void wanVerifyWhenNoUsageAllowedThen404InTheEnvelopeEvenForAKeyOwner() {
    TwoFactorSteps steps = new TwoFactorSteps(base, null);
    String email = steps.newUser("wan-verify-off");
    ApiClient owner = new ApiClient(base);
    steps.signIn(owner, email);
    WebAuthnClient key = new WebAuthnClient(ORIGIN);
    Reply options =
        steps.post(
            owner,
            "api/wan-register",
            Json.createObjectBuilder().add("name", "passkey").add("usage", "first"));
    Reply stored =
        steps.post(
            owner,
            "api/wan-register/" + options.response().getString("wan_state"),
            Json.createObjectBuilder().add("credential", key.create(options.body())));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    String csrf = owner.csrfToken();

    List<Reply> gone =
        List.of(
            owner.get("api/wan-verify", "Accept", JSON),
            owner.postJson("api/wan-verify", "{}", "X-CSRF-Token", csrf),
            owner.postJson(
                "api/wan-verify/any-state",
                Json.createObjectBuilder().add("credential", key.get(options.body())).build(),
                "X-CSRF-Token",
                csrf));

    for (Reply reply : gone) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().getJsonObject("meta").getInt("code")).isEqualTo(404);
    }
    assertThat(owner.get("security/wan_verify.xhtml", "Accept", "text/html").status())
        .isEqualTo(404);
    Reply verify = owner.get("api/verify", "Accept", JSON);
    assertThat(verify.response().getBoolean("has_webauthn_verify_credential"))
        .as("the key cannot re-authenticate here")
        .isFalse();
    assertThat(owner.get("security/verify.xhtml", "Accept", "text/html").body())
        .doesNotContain("wan-verify-link");

    ApiClient visitor = new ApiClient(base);
    Reply signin = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    Reply signedIn =
        steps.post(
            visitor,
            "api/wan-signin/" + signin.response().getString("wan_state"),
            Json.createObjectBuilder().add("credential", key.get(signin.body())));
    assertThat(signedIn.status()).as("the key still signs in").isEqualTo(200);
  }
}
