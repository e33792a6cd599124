package dev.portcullis.impl.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The served description follows the application's configuration. */
class DocumentTailorTest {

  static final Map<String, String> ALL_FEATURES =
      Map.of(
          "security.registerable", "true",
          "security.confirmable", "true",
          "security.recoverable", "true",
          "security.changeable", "true",
          "security.change_email", "true");

  @Test
  void tailorWhenDefaultsThenPathsUnderApiWithoutOptionalFeatures() {
    JsonObject served = served(Map.of());

    assertThat(served.getJsonObject("paths").keySet())
        .containsExactly("/api/login", "/api/logout", "/api/verify");
    assertThat(tagNames(served)).containsExactly("Portcullis: sign-in");
  }

  @Test
  void tailorWhenUrlPrefixConfiguredThenEveryPathUnderIt() {
    assertThat(served(Map.of("security.url_prefix", "/rest/v1/")).getJsonObject("paths").keySet())
        .containsExactly("/rest/v1/login", "/rest/v1/logout", "/rest/v1/verify");
    assertThat(served(Map.of("security.url_prefix", "auth")).getJsonObject("paths").keySet())
        .allMatch(path -> path.startsWith("/auth/"));
    assertThat(served(Map.of("security.url_prefix", "/")).getJsonObject("paths").keySet())
        .containsExactly("/login", "/logout", "/verify");
  }

  @Test
  void tailorWhenEveryFeatureOnThenEveryEndpointAndTag() {
    JsonObject served = served(ALL_FEATURES);

    assertThat(served.getJsonObject("paths").keySet())
        .containsExactly(
            "/api/login",
            "/api/logout",
            "/api/verify",
            "/api/register",
            "/api/confirm",
            "/api/confirm/{token}",
            "/api/reset",
            "/api/reset/{token}",
            "/api/change",
            "/api/change-email",
            "/api/change-email-confirm/{token}");
    assertThat(tagNames(served)).hasSize(6);
  }

  @Test
  void tailorWhenOneFeatureOffThenOnlyItsPathsAndTagGo() {
    Map<String, String> config = new HashMap<>(ALL_FEATURES);
    config.put("security.recoverable", "false");

    JsonObject served = served(config);

    assertThat(served.getJsonObject("paths").keySet())
        .doesNotContain("/api/reset", "/api/reset/{token}")
        .contains("/api/register", "/api/change");
    assertThat(tagNames(served)).doesNotContain("Portcullis: password recovery").hasSize(5);
  }

  @Test
  void tailorWhenLogoutOnlyByPostThenNoGetOperation() {
    JsonObject logout =
        served(Map.of("security.logout_methods", "POST"))
            .getJsonObject("paths")
            .getJsonObject("/api/logout");

    assertThat(logout.keySet()).contains("post").doesNotContain("get");
  }

  @Test
  void tailorWhenThrottleOffThenNoPasswordCheckAnswers429() {
    JsonObject on = served(Map.of()).getJsonObject("paths").getJsonObject("/api/login");
    JsonObject off =
        served(Map.of("security.throttle", "false"))
            .getJsonObject("paths")
            .getJsonObject("/api/login");

    assertThat(on.getJsonObject("post").getJsonObject("responses").keySet()).contains("429");
    assertThat(off.getJsonObject("post").getJsonObject("responses").keySet()).doesNotContain("429");
  }

  @Test
  void tailorWhenNoLogoutMethodThenNoLogoutPath() {
    assertThat(served(Map.of("security.logout_methods", " ")).getJsonObject("paths").keySet())
        .doesNotContain("/api/logout");
  }

  @Test
  void tailorWhenUsernamesOffThenNoUsernameFieldAnywhere() {
    JsonObject off = served(ALL_FEATURES);
    Map<String, String> on = new HashMap<>(ALL_FEATURES);
    on.put("security.username_enable", "true");

    assertThat(properties(off, "Portcullis.LoginRequest")).doesNotContain("username");
    assertThat(properties(off, "Portcullis.RegisterRequest")).doesNotContain("username");
    assertThat(fieldErrorKeys(off, "Portcullis.LoginFieldErrors")).doesNotContain("username");
    assertThat(fieldErrorKeys(off, "Portcullis.RegisterFieldErrors")).doesNotContain("username");
    assertThat(fieldErrorKeys(served(on), "Portcullis.LoginFieldErrors")).contains("username");
    assertThat(properties(served(on), "Portcullis.LoginRequest")).contains("username");
    assertThat(properties(served(on), "Portcullis.RegisterRequest")).contains("username");
  }

  @Test
  void tailorWhenPasswordNotRequiredWithUnifiedSigninThenRegisterRequestPasswordOptional() {
    Map<String, String> passwordless = new HashMap<>(ALL_FEATURES);
    passwordless.put("security.unified_signin", "true");
    passwordless.put("security.password_required", "false");
    passwordless.put("security.totp_secrets", "1=first-wallet-secret");

    assertThat(required(served(passwordless), "Portcullis.RegisterRequest"))
        .containsExactly("email");
    assertThat(properties(served(passwordless), "Portcullis.RegisterRequest")).contains("password");
    assertThat(required(served(ALL_FEATURES), "Portcullis.RegisterRequest"))
        .containsExactly("email", "password");
    assertThat(served(passwordless).toString()).doesNotContain(Conditions.REQUIRED_KEY);
  }

  @Test
  void tailorWhenApiMethodsConfiguredThenAuthenticatedOperationsListOnlyThose() {
    JsonObject tokenOnly = served(Map.of("security.api_enabled_methods", "token"));
    JsonObject all = served(Map.of("security.api_enabled_methods", "session,token,basic"));

    assertThat(schemes(tokenOnly, "/api/verify", "post"))
        .containsExactly("portcullisToken", "portcullisTokenQuery");
    assertThat(schemes(all, "/api/verify", "get"))
        .containsExactly(
            "portcullisSession",
            "portcullisRememberMe",
            "portcullisToken",
            "portcullisTokenQuery",
            "portcullisBasic");
    assertThat(schemes(served(Map.of()), "/api/verify", "get")).doesNotContain("portcullisBasic");
    assertThat(operation(tokenOnly, "/api/login", "post").containsKey("security")).isFalse();
  }

  @Test
  void tailorWhenCredentialNamesConfiguredThenSecuritySchemesUseThem() {
    JsonObject schemes =
        served(
                Map.of(
                    "security.token_authentication_header", "X-Auth",
                    "security.token_authentication_key", "token",
                    "remember.cookie_name", "keep"))
            .getJsonObject("components")
            .getJsonObject("securitySchemes");

    assertThat(schemes.getJsonObject("portcullisToken").getString("name")).isEqualTo("X-Auth");
    assertThat(schemes.getJsonObject("portcullisTokenQuery").getString("name")).isEqualTo("token");
    assertThat(schemes.getJsonObject("portcullisRememberMe").getString("name")).isEqualTo("keep");
  }

  @Test
  void tailorWhenServedThenNoInfoNoServersAndNoConditionsLeft() {
    JsonObject served = served(ALL_FEATURES);

    assertThat(served.keySet()).containsExactlyInAnyOrder("openapi", "tags", "paths", "components");
    assertThat(served.toString()).doesNotContain(Conditions.KEY);
  }

  @Test
  void tailorWhenDocumentNamesUnknownConditionThenFailsNamingIt() {
    JsonObject document =
        ModelBuilderTest.parse(
            "{\"paths\":{\"/x\":{\"x-portcullis-when\":\"no_such_feature\",\"get\":{}}}}");
    DocumentTailor tailor = new DocumentTailor(settings(Map.of()));

    assertThatThrownBy(() -> tailor.tailor(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no_such_feature'");
  }

  @Test
  void tailorWhenRequiredPropertyDroppedThenLeavesRequiredList() {
    JsonObject document =
        ModelBuilderTest.parse(
            "{\"paths\":{},\"components\":{\"schemas\":{\"A\":{\"required\":[\"a\",\"b\"],"
                + "\"properties\":{\"a\":{\"type\":\"string\"},"
                + "\"b\":{\"x-portcullis-when\":\"username_enable\",\"type\":\"string\"}}},"
                + "\"B\":{\"required\":[\"b\"],\"properties\":{"
                + "\"b\":{\"x-portcullis-when\":\"username_enable\",\"type\":\"string\"}}}}}}");

    JsonObject schemas =
        new DocumentTailor(settings(Map.of()))
            .tailor(document)
            .getJsonObject("components")
            .getJsonObject("schemas");

    assertThat(schemas.getJsonObject("A").getJsonArray("required").toString()).isEqualTo("[\"a\"]");
    assertThat(schemas.getJsonObject("B").containsKey("required")).isFalse();
  }

  static OpenApiSettings settings(Map<String, String> config) {
    return OpenApiSettings.of(new SecurityConfiguration(MapConfig.valid(config)));
  }

  static JsonObject served(Map<String, String> config) {
    return new DocumentTailor(settings(config)).tailor(ApiDocument.read());
  }

  private static List<String> tagNames(JsonObject served) {
    return served.getJsonArray("tags").stream()
        .map(tag -> tag.asJsonObject().getString("name"))
        .toList();
  }

  private static List<String> required(JsonObject served, String schema) {
    return served
        .getJsonObject("components")
        .getJsonObject("schemas")
        .getJsonObject(schema)
        .getJsonArray("required")
        .getValuesAs(jakarta.json.JsonString.class)
        .stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static List<String> properties(JsonObject served, String schema) {
    return List.copyOf(
        served
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject(schema)
            .getJsonObject("properties")
            .keySet());
  }

  private static List<String> fieldErrorKeys(JsonObject served, String schema) {
    return List.copyOf(
        served
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject(schema)
            .getJsonObject("properties")
            .getJsonObject("field_errors")
            .getJsonObject("properties")
            .keySet());
  }

  private static JsonObject operation(JsonObject served, String path, String method) {
    return served.getJsonObject("paths").getJsonObject(path).getJsonObject(method);
  }

  private static List<String> schemes(JsonObject served, String path, String method) {
    JsonArray security = operation(served, path, method).getJsonArray("security");
    return security.stream()
        .map(JsonValue::asJsonObject)
        .flatMap(requirement -> requirement.keySet().stream())
        .collect(Collectors.toList());
  }
}
