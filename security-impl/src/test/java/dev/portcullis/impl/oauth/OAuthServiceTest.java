package dev.portcullis.impl.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.impl.login.LoginConfig;
import dev.portcullis.spi.OAuthIdentity;
import dev.portcullis.spi.UserRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OAuthServiceTest {

  static final OAuthProvider PROVIDER =
      new OAuthProvider(
          "corp",
          OAuthProvider.Kind.OIDC,
          "Corp",
          "client",
          "secret",
          Optional.of(URI.create("https://login.example.com")),
          List.of("openid", "email"));

  static final OAuthAuthorization STARTED =
      new OAuthAuthorization(
          "corp",
          "state-123",
          "nonce-1",
          "verifier-1",
          URI.create("https://app.example.com/api/login/oauthresponse/corp"),
          Optional.of("/after"));

  /** A provider that answers what the test says, and records the codes it was asked to redeem. */
  static final class ScriptedClient extends NimbusOAuthClient {
    ProviderAnswer answer;
    final List<String> codes = new ArrayList<>();

    @Override
    public ProviderAnswer exchange(
        OAuthProvider provider, OAuthAuthorization authorization, String code) {
      codes.add(code);
      return answer;
    }
  }

  final ScriptedClient client = new ScriptedClient();
  final Map<String, UserRecord> users = new HashMap<>();

  OAuthService service(boolean confirmationRequired) {
    OAuthConfig config =
        new OAuthConfig(
            true,
            List.of(PROVIDER),
            Duration.ofMinutes(10),
            Duration.ofSeconds(5),
            Optional.empty(),
            Optional.empty());
    LoginConfig login =
        new LoginConfig(
            false,
            true,
            false,
            false,
            false,
            Set.of("POST"),
            List.of("email"),
            confirmationRequired,
            65536);
    return new OAuthService(
        config, client, identity -> identity.verifiedEmail().map(users::get), login);
  }

  static UserRecord user(String email, boolean active, Instant confirmed) {
    return new UserRecord(
        1L,
        email,
        null,
        null,
        active,
        "u-1",
        "t-1",
        null,
        confirmed,
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
        Set.of("user"),
        Set.of(),
        null,
        null);
  }

  static ProviderAnswer identified(String email, boolean verified) {
    return new ProviderAnswer.Identified(
        new OAuthIdentity("corp", "sub-1", Optional.of(email), verified, Map.of()));
  }

  static Map<String, String> answer(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void finishWhenProviderReportsErrorThenHandshakeErrorWithItAndNoExchange() {
    OAuthResult result =
        service(false)
            .finish(
                PROVIDER,
                Optional.of(STARTED),
                answer(
                    "error",
                    "access_denied",
                    "error_description",
                    "no\nthanks",
                    "state",
                    "state-123"));
    assertThat(result)
        .isEqualTo(
            new OAuthResult.Failed(
                "OAUTH_HANDSHAKE_ERROR",
                Map.of("exerror", "access_denied", "exdesc", "no thanks")));
    assertThat(client.codes).isEmpty();
  }

  @Test
  void finishWhenStateDiffersOrMissingOrNothingStartedThenMismatchingStateAndNoExchange() {
    for (Optional<OAuthAuthorization> started :
        List.of(Optional.<OAuthAuthorization>empty(), Optional.of(STARTED))) {
      for (Map<String, String> answer :
          List.of(answer("code", "c", "state", "state-124"), answer("code", "c"))) {
        OAuthResult result = service(false).finish(PROVIDER, started, answer);
        assertThat(((OAuthResult.Failed) result).args())
            .containsEntry("exerror", "mismatching_state");
      }
    }
    assertThat(client.codes).isEmpty();
  }

  @Test
  void finishWhenStartedForAnotherProviderThenMismatchingState() {
    OAuthAuthorization other =
        new OAuthAuthorization(
            "github", "state-123", "n", "v", STARTED.redirectUri(), Optional.empty());
    OAuthResult result =
        service(false)
            .finish(PROVIDER, Optional.of(other), answer("code", "c", "state", "state-123"));
    assertThat(((OAuthResult.Failed) result).args()).containsEntry("exerror", "mismatching_state");
  }

  @Test
  void finishWhenExchangeFailsThenItsErrorShown() {
    client.answer = new ProviderAnswer.Failed("invalid_grant", "code used");
    OAuthResult result =
        service(false)
            .finish(PROVIDER, Optional.of(STARTED), answer("code", "c", "state", "state-123"));
    assertThat(result)
        .isEqualTo(
            new OAuthResult.Failed(
                "OAUTH_HANDSHAKE_ERROR",
                Map.of("exerror", "invalid_grant", "exdesc", "code used")));
    assertThat(client.codes).containsExactly("c");
  }

  @Test
  void finishWhenEmailUnknownOrUnverifiedThenIdentityNotRegistered() {
    users.put("ann@example.com", user("ann@example.com", true, Instant.EPOCH));
    client.answer = identified("bob@example.com", true);
    assertThat(
            service(false)
                .finish(PROVIDER, Optional.of(STARTED), answer("code", "c", "state", "state-123")))
        .isEqualTo(
            new OAuthResult.Failed("IDENTITY_NOT_REGISTERED", Map.of("id", "bob@example.com")));
    client.answer = identified("ann@example.com", false);
    assertThat(
            service(false)
                .finish(PROVIDER, Optional.of(STARTED), answer("code", "c", "state", "state-123")))
        .isEqualTo(
            new OAuthResult.Failed("IDENTITY_NOT_REGISTERED", Map.of("id", "ann@example.com")));
  }

  @Test
  void finishWhenUserDisabledOrUnconfirmedThenRefusedWithItsMessage() {
    users.put("ann@example.com", user("ann@example.com", false, Instant.EPOCH));
    client.answer = identified("ann@example.com", true);
    assertThat(
            service(false)
                .finish(PROVIDER, Optional.of(STARTED), answer("code", "c", "state", "state-123")))
        .isEqualTo(new OAuthResult.Failed("DISABLED_ACCOUNT", Map.of()));
    users.put("ann@example.com", user("ann@example.com", true, null));
    assertThat(
            service(true)
                .finish(PROVIDER, Optional.of(STARTED), answer("code", "c", "state", "state-123")))
        .isEqualTo(new OAuthResult.Failed("CONFIRMATION_REQUIRED", Map.of()));
  }

  @Test
  void finishWhenVerifiedEmailOfActiveUserThenPrimaryOAuthAuthenticationWithNext() {
    UserRecord ann = user("ann@example.com", true, Instant.EPOCH);
    users.put("ann@example.com", ann);
    client.answer = identified("ann@example.com", true);
    OAuthResult result =
        service(false)
            .finish(PROVIDER, Optional.of(STARTED), answer("code", "c", "state", "state-123"));
    OAuthResult.Authenticated ok = (OAuthResult.Authenticated) result;
    assertThat(ok.primary().user()).isEqualTo(ann);
    assertThat(ok.primary().method()).isEqualTo("oauth");
    assertThat(ok.primary().secondFactorApplies()).isTrue();
    assertThat(ok.next()).contains("/after");
  }

  @Test
  void authorizationToStringWhenPrintedThenNoSecrets() {
    assertThat(STARTED.toString()).doesNotContain("state-123", "nonce-1", "verifier-1");
    assertThat(PROVIDER.toString()).doesNotContain("secret");
  }
}
