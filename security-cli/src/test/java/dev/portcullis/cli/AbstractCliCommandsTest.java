package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every command of spec §8 against one database; subclasses choose it. */
abstract class AbstractCliCommandsTest extends AbstractCliTest {

  static final String PASSWORD = "S3cure-Passw0rd";

  private void createRoles(String... names) throws Exception {
    for (String name : names) {
      assertOk(run("roles", "create", name));
    }
  }

  // --- users create ---

  @Test
  void createWhenValidThenUserWithRolesAndVerifiableHash() throws Exception {
    createRoles("admin", "editor");

    Result result =
        run(
            "users",
            "create",
            "Ann@Example.COM",
            "username:annie",
            "--password",
            PASSWORD,
            "--active",
            "--confirmed",
            "--role",
            "admin",
            "--role",
            "editor");

    assertOk(result);
    assertThat(result.out()).contains("User created").contains("Ann@example.com").contains("****");
    assertThat(result.out()).doesNotContain(PASSWORD);
    Map<String, Object> user = user("Ann@example.com");
    assertThat(user.get("username")).isEqualTo("annie");
    assertThat(user.get("active")).isEqualTo(true);
    assertThat(user.get("confirmed_at")).isNotNull();
    assertThat((String) user.get("fs_uniquifier")).matches("[0-9a-f]{32}");
    assertThat(appHasher().verify(PASSWORD, (String) user.get("password")).ok()).isTrue();
    assertThat(rolesOf("Ann@example.com")).containsExactly("admin", "editor");
  }

  @Test
  void createWhenNotActiveThenInactiveAndUnconfirmed() throws Exception {
    assertOk(run("users", "create", "email:bob@example.com", "--password", PASSWORD));

    Map<String, Object> user = user("bob@example.com");
    assertThat(user.get("active")).isEqualTo(false);
    assertThat(user.get("confirmed_at")).isNull();
  }

  @Test
  void createWhenEmailTakenInAnyCaseThenExit1AndNothingWritten() throws Exception {
    assertOk(run("users", "create", "ann@example.com", "--password", PASSWORD));

    Result result =
        run("users", "create", "ANN@example.com", "username:annie2", "--password", PASSWORD);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("already associated with an account");
    assertThat(count("fs_user")).isEqualTo(1);
  }

  @Test
  void createWhenUsernameTakenThenExit1AndNothingWritten() throws Exception {
    assertOk(run("users", "create", "ann@example.com", "username:annie", "--password", PASSWORD));

    Result result =
        run("users", "create", "other@example.com", "username:ANNIE", "--password", PASSWORD);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("username").contains("already associated");
    assertThat(user("other@example.com")).isEmpty();
  }

  @Test
  void createWhenPasswordTooShortThenExit1AndNothingWritten() throws Exception {
    Result result = run("users", "create", "ann@example.com", "--password", "short");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("password").contains("at least 8 characters");
    assertThat(count("fs_user")).isZero();
  }

  @Test
  void createWhenRoleUnknownThenExit1AndNothingWritten() throws Exception {
    createRoles("admin");

    Result result =
        run(
            "users",
            "create",
            "ann@example.com",
            "--password",
            PASSWORD,
            "--role",
            "admin",
            "--role",
            "ghost");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("No role 'ghost'");
    assertThat(count("fs_user")).isZero();
    assertThat(count("fs_roles_users")).isZero();
  }

  @Test
  void createWhenEmailInvalidThenExit1AndNothingWritten() throws Exception {
    Result result = run("users", "create", "not-an-email", "--password", PASSWORD);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("not a valid email address");
    assertThat(count("fs_user")).isZero();
  }

  @Test
  void createWhenUnknownAttributeOrNoEmailThenUsageErrorExit2() throws Exception {
    Result unknown = run("users", "create", "ann@example.com", "phone:123", "--password", PASSWORD);
    Result noEmail = run("users", "create", "username:annie", "--password", PASSWORD);

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown attribute 'phone'");
    assertThat(noEmail.exitCode()).isEqualTo(2);
    assertThat(count("fs_user")).isZero();
  }

  @Test
  void createWhenPasswordTypedTwiceThenCreated() throws Exception {
    typeAtTerminal(PASSWORD, PASSWORD);

    assertOk(run("users", "create", "ann@example.com", "-a"));

    assertThat(appHasher().verify(PASSWORD, (String) user("ann@example.com").get("password")).ok())
        .isTrue();
  }

  @Test
  void createWhenTypedPasswordsDifferThenExit1AndNothingWritten() throws Exception {
    typeAtTerminal(PASSWORD, PASSWORD + "x");

    Result result = run("users", "create", "ann@example.com");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("do not match");
    assertThat(count("fs_user")).isZero();
  }

  @Test
  void createWhenNoTerminalAndNoPasswordThenExit1() throws Exception {
    Result result = run("users", "create", "ann@example.com");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("--password");
    assertThat(count("fs_user")).isZero();
  }

  // --- users activate / deactivate ---

  @Test
  void activateAndDeactivateWhenByEmailOrUsernameThenToggleAndReportNoOps() throws Exception {
    assertOk(run("users", "create", "ann@example.com", "username:annie", "--password", PASSWORD));

    Result activated = run("users", "activate", "ANN@example.com");
    assertOk(activated);
    assertThat(activated.out()).contains("has been activated");
    assertThat(user("ann@example.com").get("active")).isEqualTo(true);

    Result again = run("users", "activate", "annie");
    assertOk(again);
    assertThat(again.out()).contains("was already activated");

    assertOk(run("users", "deactivate", "annie"));
    assertThat(user("ann@example.com").get("active")).isEqualTo(false);
  }

  @Test
  void activateWhenUserUnknownThenExit1() throws Exception {
    Result result = run("users", "activate", "nobody@example.com");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("No user 'nobody@example.com'");
  }

  // --- users change_password ---

  @Test
  void changePasswordWhenValidThenNewHashVerifiesAndUniquifierRotates() throws Exception {
    assertOk(run("users", "create", "ann@example.com", "--password", PASSWORD, "-a"));
    Map<String, Object> before = user("ann@example.com");

    Result result =
        run("users", "change_password", "ann@example.com", "--password", "N3w-Passw0rd!");

    assertOk(result);
    Map<String, Object> after = user("ann@example.com");
    assertThat(after.get("fs_uniquifier")).isNotEqualTo(before.get("fs_uniquifier"));
    assertThat(appHasher().verify("N3w-Passw0rd!", (String) after.get("password")).ok()).isTrue();
    assertThat(appHasher().verify(PASSWORD, (String) after.get("password")).ok()).isFalse();
  }

  @Test
  void changePasswordWhenUserHasAuthTokensThenTokenUniquifierRotates() throws Exception {
    // The web /change and /reset end auth tokens too (issue 6, defect 6): so must the CLI.
    assertOk(run("users", "create", "ann@example.com", "--password", PASSWORD, "-a"));
    Object tokenUniquifier = user("ann@example.com").get("fs_token_uniquifier");
    assertThat(tokenUniquifier).isNotNull();

    assertOk(run("users", "change_password", "ann@example.com", "--password", "N3w-Passw0rd!"));

    Object after = user("ann@example.com").get("fs_token_uniquifier");
    assertThat(after).isNotNull().isNotEqualTo(tokenUniquifier);
  }

  @Test
  void changePasswordWhenTooShortThenExit1AndNothingChanged() throws Exception {
    assertOk(run("users", "create", "ann@example.com", "--password", PASSWORD));
    Map<String, Object> before = user("ann@example.com");

    Result result = run("users", "change_password", "ann@example.com", "--password", "short");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(user("ann@example.com")).isEqualTo(before);
  }

  // --- users reset_access ---

  @Test
  void resetAccessWhenUserHasSecondFactorsThenClearedUniquifiersRotatedPasswordKept()
      throws Exception {
    assertOk(run("users", "create", "ann@example.com", "--password", PASSWORD));
    execute(
        "UPDATE fs_user SET tf_primary_method = 'authenticator', tf_totp_secret = 'secret',"
            + " tf_phone_number = '+15555550100', us_phone_number = '+15555550101',"
            + " us_totp_secrets = '{}', mf_recovery_codes = 'a,b' WHERE email = ?",
        "ann@example.com");
    Map<String, Object> before = user("ann@example.com");

    assertOk(run("users", "reset_access", "ann@example.com"));

    Map<String, Object> after = user("ann@example.com");
    assertThat(after.get("fs_uniquifier")).isNotEqualTo(before.get("fs_uniquifier"));
    assertThat(after.get("fs_token_uniquifier")).isNotEqualTo(before.get("fs_token_uniquifier"));
    assertThat(after.get("password")).isEqualTo(before.get("password"));
    for (String column :
        new String[] {
          "tf_primary_method",
          "tf_totp_secret",
          "tf_phone_number",
          "us_phone_number",
          "us_totp_secrets"
        }) {
      assertThat(after.get(column)).as(column).isNull();
    }
    assertThat(after.get("mf_recovery_codes"))
        .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isEqualTo(""));
  }

  // --- roles ---

  @Test
  void rolesCreateWhenNewThenDescriptionAndNormalizedPermissions() throws Exception {
    Result result = run("roles", "create", "admin", "-d", "Administrators", "-p", " write, read ,");

    assertOk(result);
    Map<String, Object> role = role("admin");
    assertThat(role.get("description")).isEqualTo("Administrators");
    assertThat(role.get("permissions")).isEqualTo("read,write");
  }

  @Test
  void rolesCreateWhenExistsThenExit1() throws Exception {
    createRoles("admin");

    Result result = run("roles", "create", "admin");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("already exists");
    assertThat(count("fs_role")).isEqualTo(1);
  }

  @Test
  void rolesAddAndRemoveWhenValidThenChangedAndRepeatsFail() throws Exception {
    createRoles("admin");
    assertOk(run("users", "create", "ann@example.com", "username:annie", "--password", PASSWORD));

    assertOk(run("roles", "add", "annie", "admin"));
    assertThat(rolesOf("ann@example.com")).containsExactly("admin");
    assertThat(run("roles", "add", "ann@example.com", "admin").exitCode()).isEqualTo(1);

    assertOk(run("roles", "remove", "ann@example.com", "admin"));
    assertThat(rolesOf("ann@example.com")).isEmpty();
    Result again = run("roles", "remove", "annie", "admin");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("does not have role");
  }

  @Test
  void rolesAddWhenUserOrRoleUnknownThenExit1() throws Exception {
    createRoles("admin");
    assertOk(run("users", "create", "ann@example.com", "--password", PASSWORD));

    assertThat(run("roles", "add", "ghost@example.com", "admin").exitCode()).isEqualTo(1);
    Result noRole = run("roles", "add", "ann@example.com", "ghost");
    assertThat(noRole.exitCode()).isEqualTo(1);
    assertThat(noRole.err()).contains("No role 'ghost'");
    assertThat(count("fs_roles_users")).isZero();
  }

  @Test
  void rolesAddAndRemovePermissionsWhenRoleExistsThenUnionAndDifference() throws Exception {
    assertOk(run("roles", "create", "editor", "-p", "read"));

    assertOk(run("roles", "add_permissions", "editor", "write, publish"));
    assertThat(role("editor").get("permissions")).isEqualTo("publish,read,write");

    Result removed = run("roles", "remove_permissions", "editor", "publish,read");
    assertOk(removed);
    assertThat(removed.out()).contains("[write]");
    assertThat(role("editor").get("permissions")).isEqualTo("write");
  }

  @Test
  void rolesAddPermissionsWhenRoleUnknownThenExit1() throws Exception {
    Result result = run("roles", "add_permissions", "ghost", "read");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("No role 'ghost'");
  }

  // --- options and configuration ---

  @Test
  void runWhenDatabaseOptionsBeforeSubcommandThenAccepted() throws Exception {
    Result result =
        runRaw(
            "--jdbc-url",
            database().url(),
            "--db-user",
            database().user(),
            "--db-password",
            database().password(),
            "roles",
            "create",
            "early");

    assertOk(result);
    assertThat(role("early")).isNotEmpty();
  }

  @Test
  void createWhenPasswordSaltMissingThenExit1NamingTheSetting() throws Exception {
    Result result =
        runRaw(
            "users",
            "create",
            "ann@example.com",
            "--password",
            PASSWORD,
            "--jdbc-url",
            database().url(),
            "--db-user",
            database().user(),
            "--db-password",
            database().password());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("security.password_salt").contains("SECURITY_PASSWORD_SALT");
    assertThat(count("fs_user")).isZero();
  }
}
