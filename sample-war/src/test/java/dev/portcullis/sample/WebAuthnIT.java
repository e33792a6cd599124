package dev.portcullis.sample;

import static dev.portcullis.sample.support.TwoFactorSteps.fieldError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.sample.support.ApiClient;
import dev.portcullis.sample.support.ApiClient.Reply;
import dev.portcullis.sample.support.SampleDeployment;
import dev.portcullis.sample.support.TwoFactorSteps;
import dev.portcullis.sample.support.WebAuthnClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WebAuthn and passkeys over the JSON API (issue 9), black-box on Payara Micro with the real
 * webauthn4j adapter and a software authenticator ({@link WebAuthnClient}): register (fresh callers
 * only), sign in with a passkey and no identity or with an identity hint, a key as the second
 * factor chosen at {@code /tf-select}, a first-factor key with and without user verification,
 * re-authentication (never with another user's key), delete, and the attacks: an unregistered
 * authenticator, a replayed assertion, a cloned authenticator's counter, wrong origin, wrong
 * challenge, malformed credentials, expired states and states of other users. One deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAuthnIT {

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
            + "\nsecurity.wan_rp_name=Portcullis IT\n"
            + "security.freshness=10 minutes\n"
            + "security.freshness_grace_period=0 seconds\n");
  }

  @ArquillianResource URL base;
  TwoFactorSteps steps;

  @BeforeEach
  void steps() {
    steps = new TwoFactorSteps(base, null);
    steps.resetClock();
  }

  @AfterEach
  void resetClock() {
    steps.resetClock();
  }

  @Test
  void registerWhenFreshThenStoredListedAndOnceStaleAKeyReauthenticates() {
    String email = steps.newUser("wan-reg");
    ApiClient ann = signedIn(email);
    WebAuthnClient key = new WebAuthnClient(ORIGIN);

    Reply options = startRegister(ann, "laptop", "first");
    assertThat(options.status()).isEqualTo(200);
    JsonObject creation = options.response().getJsonObject("credential_options");
    assertThat(creation.getJsonObject("rp").getString("id")).isEqualTo("localhost");
    assertThat(creation.getString("attestation")).isEqualTo("none");
    assertThat(finishRegister(ann, options, key.create(options.body())).status()).isEqualTo(200);

    JsonObject listed =
        ann.get("api/wan-register", "Accept", JSON)
            .response()
            .getJsonArray("registered_credentials")
            .getJsonObject(0);
    assertThat(listed.getString("name")).isEqualTo("laptop");
    assertThat(listed.getString("credential_id")).isEqualTo(key.credentialId());
    assertThat(listed.getString("usage")).isEqualTo("first");
    assertThat(listed.getBoolean("discoverable")).isTrue();
    assertThat(steps.events()).contains("sync:wan-registered:" + email + ":laptop:first");

    steps.moveClock(Duration.ofMinutes(11));
    Reply stale = ann.get("api/wan-register", "Accept", JSON);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.response().getBoolean("reauth_required")).isTrue();
    assertThat(stale.response().getBoolean("has_webauthn_verify_credential")).isTrue();
    assertThat(startRegister(ann, "phone", "first").status()).isEqualTo(401);

    Reply verifyOptions = steps.post(ann, "api/wan-verify", Json.createObjectBuilder());
    assertThat(verifyOptions.status()).isEqualTo(200);
    Reply verified = finish(ann, "api/wan-verify/", verifyOptions, key.get(verifyOptions.body()));
    assertThat(verified.status()).isEqualTo(200);
    assertThat(ann.get("api/wan-register", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void signinWhenPasskeyAndNoIdentityThenSignedInByWebauthnAlone() {
    String email = steps.newUser("wan-passkey");
    WebAuthnClient key = registered(email, "passkey", "first");

    ApiClient visitor = new ApiClient(base);
    Reply options = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.response().getBoolean("is_secondary")).isFalse();
    assertThat(
            options.response().getJsonObject("credential_options").getJsonArray("allowCredentials"))
        .isEmpty();
    Reply signedIn = finish(visitor, "api/wan-signin/", options, key.get(options.body()));

    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.response().containsKey("user")).isTrue();
    assertThat(signedIn.response().getString("post_login_url")).endsWith("/index.xhtml");
    assertThat(whoami(visitor)).isEqualTo(email);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[webauthn]");
  }

  @Test
  void signinWhenNextInTheBodyThenPostLoginUrlIsItAndAnotherHostIsIgnored() {
    String email = steps.newUser("wan-next");
    WebAuthnClient key = registered(email, "passkey", "first");

    ApiClient visitor = new ApiClient(base);
    Reply options = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    Reply signedIn =
        steps.post(
            visitor,
            "api/wan-signin/" + state(options),
            Json.createObjectBuilder()
                .add("credential", key.get(options.body()))
                .add("next", "/sample/account.xhtml"));
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.response().getString("post_login_url")).isEqualTo("/sample/account.xhtml");

    ApiClient attacker = new ApiClient(base);
    Reply again = steps.post(attacker, "api/wan-signin", Json.createObjectBuilder());
    Reply offsite =
        steps.post(
            attacker,
            "api/wan-signin/" + state(again) + "?next=/sample/query.xhtml",
            Json.createObjectBuilder()
                .add("credential", key.get(again.body()))
                .add("next", "https://evil.example.com/steal"));
    assertThat(offsite.status()).as(offsite.body()).isEqualTo(200);
    assertThat(offsite.response().getString("post_login_url"))
        .doesNotContain("evil")
        .endsWith("/index.xhtml");
  }

  @Test
  void registerWhenUsageFirstThenOptionsCarryNoAttachmentSoDevicePasskeysMayAnswer() {
    ApiClient ann = signedIn(steps.newUser("wan-attach"));

    JsonObject first =
        startRegister(ann, "laptop", "first")
            .response()
            .getJsonObject("credential_options")
            .getJsonObject("authenticatorSelection");
    JsonObject secondary =
        startRegister(ann, "usb", "secondary")
            .response()
            .getJsonObject("credential_options")
            .getJsonObject("authenticatorSelection");

    assertThat(first).doesNotContainKey("authenticatorAttachment");
    assertThat(first.getString("residentKey")).isEqualTo("preferred");
    assertThat(secondary).doesNotContainKey("authenticatorAttachment");
  }

  @Test
  void signinWhenIdentityHintThenOnlyThatUsersFirstFactorKeysAreOffered() {
    String email = steps.newUser("wan-hint");
    WebAuthnClient key = registered(email, "passkey", "first");

    ApiClient visitor = new ApiClient(base);
    Reply options =
        steps.post(visitor, "api/wan-signin", Json.createObjectBuilder().add("identity", email));
    assertThat(
            options
                .response()
                .getJsonObject("credential_options")
                .getJsonArray("allowCredentials")
                .getJsonObject(0)
                .getString("id"))
        .isEqualTo(key.credentialId());
    Reply nobody =
        steps.post(
            new ApiClient(base),
            "api/wan-signin",
            Json.createObjectBuilder()
                .add("identity", "nobody-" + System.nanoTime() + "@example.com"));
    assertThat(
            nobody.response().getJsonObject("credential_options").getJsonArray("allowCredentials"))
        .isEmpty();
    assertThat(finish(visitor, "api/wan-signin/", options, key.get(options.body())).status())
        .isEqualTo(200);
  }

  @Test
  void signinWhenFirstFactorKeyVerifiedTheUserThenNoSecondFactorElseTheSecondFactorIsAsked() {
    String email = steps.newUser("tf-wan-mfa");
    WebAuthnClient key = registered(email, "passkey", "first");

    ApiClient withUv = new ApiClient(base);
    Reply options = steps.post(withUv, "api/wan-signin", Json.createObjectBuilder());
    Reply signedIn = finish(withUv, "api/wan-signin/", options, key.get(options.body()));
    assertThat(signedIn.response().containsKey("user")).as("UV: multi-factor capable").isTrue();

    key.authenticator().userVerified(false);
    ApiClient withoutUv = new ApiClient(base);
    Reply again = steps.post(withoutUv, "api/wan-signin", Json.createObjectBuilder());
    Reply pending = finish(withoutUv, "api/wan-signin/", again, key.get(again.body()));
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.response().getBoolean("tf_required")).isTrue();
    assertThat(pending.response().getString("tf_method")).isEqualTo("test");
    assertThat(withoutUv.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void secondFactorWhenPasswordThenTfSelectOffersWebauthnAndTheKeyCompletesTheSignIn() {
    String email = steps.newUser("tf-wan-second");
    WebAuthnClient key = registered(email, "yubikey", "secondary");

    ApiClient who = new ApiClient(base);
    Reply login = who.login(email, TwoFactorSteps.PASSWORD, "");
    assertThat(login.response().getBoolean("tf_select")).isTrue();
    assertThat(TwoFactorSteps.strings(login.response(), "tf_setup_methods"))
        .containsExactlyInAnyOrder("test", "webauthn");
    Reply selected =
        steps.post(who, "api/tf-select", Json.createObjectBuilder().add("which", "webauthn"));
    assertThat(selected.response().getString("tf_method")).isEqualTo("webauthn");
    assertThat(who.get("api/wan-signin", "Accept", JSON).response().getBoolean("is_secondary"))
        .isTrue();

    Reply options = steps.post(who, "api/wan-signin", Json.createObjectBuilder());
    JsonObject request = options.response().getJsonObject("credential_options");
    assertThat(request.getString("userVerification")).isEqualTo("discouraged");
    assertThat(request.getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
        .isEqualTo(key.credentialId());
    Reply done = finish(who, "api/wan-signin/", options, key.get(options.body()));

    assertThat(done.status()).isEqualTo(200);
    assertThat(whoami(who)).isEqualTo(email);
    assertThat(steps.events()).contains("sync:authenticated:" + email + ":[]");
  }

  @Test
  void verifyWhenTheAssertingKeyIsAnotherUsersThenRefused() {
    String ann = steps.newUser("wan-ann");
    WebAuthnClient annKey = registered(ann, "ann-key", "first");
    String bob = steps.newUser("wan-bob");
    registered(bob, "bob-key", "first");
    ApiClient bobSession = signedIn(bob);

    Reply options = steps.post(bobSession, "api/wan-verify", Json.createObjectBuilder());
    annKey.ignoreAllowList(true);
    Reply refused = finish(bobSession, "api/wan-verify/", options, annKey.get(options.body()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fieldError(refused, "credential"))
        .isEqualTo("This security key belongs to another account.");
  }

  @Test
  void deleteWhenNamedThenGoneAndTheKeyNoLongerSignsIn() {
    String email = steps.newUser("wan-del");
    WebAuthnClient key = registered(email, "old", "first");
    ApiClient owner = signedIn(email);

    Reply unknown =
        steps.post(owner, "api/wan-delete", Json.createObjectBuilder().add("name", "nope"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(fieldError(unknown, "name")).isEqualTo("You have no security key named nope.");
    assertThat(
            steps
                .post(owner, "api/wan-delete", Json.createObjectBuilder().add("name", "old"))
                .status())
        .isEqualTo(200);
    assertThat(steps.events()).contains("sync:wan-deleted:" + email + ":old:first");

    ApiClient visitor = new ApiClient(base);
    Reply options = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    assertThat(
            fieldError(
                finish(visitor, "api/wan-signin/", options, key.get(options.body())), "credential"))
        .isEqualTo("This security key is not known.");
  }

  @Test
  void deleteWhenBrowserGetsOrPostsThenRedirectedToTheKeysPageWithTheFlash() {
    String email = steps.newUser("wan-del-page");
    registered(email, "old", "first");
    ApiClient owner = signedIn(email);

    Reply page = owner.get("api/wan-delete", "Accept", "text/html");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/security/wan_register.xhtml"));
    Reply token = owner.get("api/wan-delete", "Accept", JSON);
    assertThat(token.status()).isEqualTo(200);
    String csrf = token.response().getString("csrf_token");

    Reply unknown =
        owner.postForm("api/wan-delete", "name=nope&csrf_token=" + csrf, "Accept", "text/html");
    assertThat(unknown.status()).isEqualTo(302);
    assertThat(unknown.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/security/wan_register.xhtml"));
    Reply deleted =
        owner.postForm("api/wan-delete", "name=old&csrf_token=" + csrf, "Accept", "text/html");
    assertThat(deleted.status()).isEqualTo(302);
    assertThat(deleted.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/security/wan_register.xhtml"));
    assertThat(steps.events()).contains("sync:wan-deleted:" + email + ":old:first");
  }

  @Test
  void signinWhenUnregisteredAuthenticatorThenRefused() {
    ApiClient visitor = new ApiClient(base);
    Reply options = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    Reply refused =
        finish(visitor, "api/wan-signin/", options, new WebAuthnClient(ORIGIN).get(options.body()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fieldError(refused, "credential")).isEqualTo("This security key is not known.");
    assertThat(visitor.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void signinWhenTheSameAssertionIsReplayedThenRefused() {
    String email = steps.newUser("wan-replay");
    WebAuthnClient key = registered(email, "passkey", "first");
    key.authenticator().counting(false);
    ApiClient first = new ApiClient(base);
    Reply options = steps.post(first, "api/wan-signin", Json.createObjectBuilder());
    String credential = key.get(options.body());
    assertThat(finish(first, "api/wan-signin/", options, credential).status()).isEqualTo(200);

    ApiClient thief = new ApiClient(base);
    Reply replayed = finishAs(thief, "api/wan-signin/" + state(options), credential);

    assertThat(replayed.status()).isEqualTo(400);
    assertThat(fieldError(replayed, "credential")).contains("could not be verified");
    assertThat(thief.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void signinWhenTheCounterDidNotIncreaseThenRefusedAndReported() {
    String email = steps.newUser("wan-clone");
    WebAuthnClient key = registered(email, "passkey", "first");
    ApiClient first = new ApiClient(base);
    Reply options = steps.post(first, "api/wan-signin", Json.createObjectBuilder());
    assertThat(finish(first, "api/wan-signin/", options, key.get(options.body())).status())
        .isEqualTo(200);

    key.authenticator().counter(0);
    ApiClient clone = new ApiClient(base);
    Reply again = steps.post(clone, "api/wan-signin", Json.createObjectBuilder());
    Reply refused = finish(clone, "api/wan-signin/", again, key.get(again.body()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fieldError(refused, "credential")).contains("signature counter");
    assertThat(steps.events()).anyMatch(e -> e.startsWith("sync:wan-counter-regressed:" + email));
  }

  @Test
  void signinWhenWrongOriginWrongChallengeOrMalformedThen400() {
    String email = steps.newUser("wan-bad");
    WebAuthnClient key = registered(email, "passkey", "first");
    ApiClient visitor = new ApiClient(base);

    Reply options = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    key.origin("https://evil.example");
    Reply phished = finish(visitor, "api/wan-signin/", options, key.get(options.body()));
    assertThat(phished.status()).isEqualTo(400);
    assertThat(fieldError(phished, "credential")).contains("could not be verified");
    key.origin(ORIGIN);

    Reply one = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    Reply two = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    Reply crossed = finishAs(visitor, "api/wan-signin/" + state(one), key.get(two.body()));
    assertThat(crossed.status()).as("another state's challenge").isEqualTo(400);

    Reply fresh = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    Reply malformed = finishAs(visitor, "api/wan-signin/" + state(fresh), "{not json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(fieldError(malformed, "credential"))
        .isEqualTo("This request cannot be handled by this API.");
    Reply wrongType =
        steps.post(
            visitor,
            "api/wan-signin/" + state(fresh),
            Json.createObjectBuilder().add("credential", 42));
    assertThat(wrongType.status()).isEqualTo(400);
    Reply forged = finishAs(visitor, "api/wan-signin/forged.state", key.get(fresh.body()));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(visitor.get("api/whoami", "Accept", JSON).status()).isEqualTo(401);
  }

  @Test
  void stateWhenExpiredOrAnotherUsersThenRefused() {
    String ann = steps.newUser("wan-state-ann");
    WebAuthnClient key = registered(ann, "passkey", "first");
    ApiClient visitor = new ApiClient(base);
    Reply options = steps.post(visitor, "api/wan-signin", Json.createObjectBuilder());
    steps.moveClock(Duration.ofSeconds(61));
    Reply expired = finish(visitor, "api/wan-signin/", options, key.get(options.body()));
    assertThat(expired.status()).isEqualTo(400);
    assertThat(fieldError(expired, "credential")).contains("must be finished within");
    steps.resetClock();

    ApiClient annSession = signedIn(ann);
    Reply annOptions = startRegister(annSession, "second", "first");
    String bob = steps.newUser("wan-state-bob");
    ApiClient bobSession = signedIn(bob);
    WebAuthnClient bobKey = new WebAuthnClient(ORIGIN);
    Reply stolen =
        finish(bobSession, "api/wan-register/", annOptions, bobKey.create(annOptions.body()));
    assertThat(stolen.status()).isEqualTo(400);
    assertThat(fieldError(stolen, "credential"))
        .isEqualTo("This request cannot be handled by this API.");
    assertThat(
            bobSession
                .get("api/wan-register", "Accept", JSON)
                .response()
                .getJsonArray("registered_credentials"))
        .isEmpty();
  }

  @Test
  void registerWhenNameMissingOrInUseOrCredentialIdRegisteredThen400() {
    String ann = steps.newUser("wan-names-ann");
    WebAuthnClient key = registered(ann, "laptop", "first");
    ApiClient annSession = signedIn(ann);

    Reply missing = steps.post(annSession, "api/wan-register", Json.createObjectBuilder());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fieldError(missing, "name")).isEqualTo("Please name this security key.");
    Reply inUse = startRegister(annSession, "laptop", "first");
    assertThat(fieldError(inUse, "name"))
        .isEqualTo("You already have a security key named laptop.");

    String bob = steps.newUser("wan-names-bob");
    ApiClient bobSession = signedIn(bob);
    Reply options = startRegister(bobSession, "borrowed", "first");
    Reply taken = finish(bobSession, "api/wan-register/", options, key.create(options.body()));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(fieldError(taken, "credential"))
        .isEqualTo("This security key is registered already.");
  }

  // --- steps ---

  private ApiClient signedIn(String email) {
    ApiClient who = new ApiClient(base);
    Reply login = who.login(email, TwoFactorSteps.PASSWORD, "");
    if (login.response().containsKey("tf_required")) {
      assertThat(who.postJson("api/test-support/second-factor", "{}").status()).isEqualTo(200);
    }
    return who;
  }

  private WebAuthnClient registered(String email, String name, String usage) {
    ApiClient owner = signedIn(email);
    WebAuthnClient key = new WebAuthnClient(ORIGIN);
    Reply options = startRegister(owner, name, usage);
    assertThat(options.status()).as(options.body()).isEqualTo(200);
    Reply stored = finishRegister(owner, options, key.create(options.body()));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    return key;
  }

  private Reply startRegister(ApiClient who, String name, String usage) {
    return steps.post(
        who, "api/wan-register", Json.createObjectBuilder().add("name", name).add("usage", usage));
  }

  private Reply finishRegister(ApiClient who, Reply options, String credential) {
    return finish(who, "api/wan-register/", options, credential);
  }

  private Reply finish(ApiClient who, String path, Reply options, String credential) {
    return finishAs(who, path + state(options), credential);
  }

  private Reply finishAs(ApiClient who, String path, String credential) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("credential", credential);
    return steps.post(who, path, body);
  }

  private static String state(Reply options) {
    return ((JsonString) options.response().get("wan_state")).getString();
  }

  private String whoami(ApiClient who) {
    return who.get("api/whoami", "Accept", JSON).json().getString("email");
  }
}
