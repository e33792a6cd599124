package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {

  @TempDir Path temp;

  @Test
  void getOptionalValueWhenEnvironmentUsesMicroProfileMappingThenFound() throws Exception {
    CliConfig config =
        CliConfig.load(null, Map.of("SECURITY_PASSWORD_SALT", "from-env"), new Properties());

    assertThat(config.getOptionalValue("security.password_salt", String.class))
        .contains("from-env");
  }

  @Test
  void getOptionalValueWhenSetEverywhereThenSystemOverEnvironmentOverFile() throws Exception {
    Path file = temp.resolve("app.properties");
    Files.writeString(
        file,
        "security.password_hash=argon2\nsecurity.password_salt=file\n"
            + "security.trackable=true\n");
    Properties system = new Properties();
    system.setProperty("security.password_hash", "pbkdf2_sha512");

    CliConfig config =
        CliConfig.load(
            file,
            Map.of("SECURITY_PASSWORD_HASH", "bcrypt", "SECURITY_PASSWORD_SALT", "env"),
            system);

    assertThat(config.getValue("security.password_hash", String.class)).isEqualTo("pbkdf2_sha512");
    assertThat(config.getValue("security.password_salt", String.class)).isEqualTo("env");
    assertThat(config.getValue("security.trackable", Boolean.class)).isTrue();
    assertThat(config.getConfigValue("security.password_salt").getSourceName())
        .isEqualTo("environment variables");
  }

  @Test
  void getOptionalValueWhenEmptyThenMissing() throws Exception {
    CliConfig config = CliConfig.load(null, Map.of("SECURITY_PASSWORD_SALT", ""), new Properties());

    assertThat(config.getOptionalValue("security.password_salt", String.class)).isEmpty();
  }

  @Test
  void loadWhenSecretKeyMissingThenThrowawayRandomKeyOfUsableLength() throws Exception {
    CliConfig first = CliConfig.load(null, Map.of(), new Properties());
    CliConfig second = CliConfig.load(null, Map.of(), new Properties());

    String key = first.getValue(CliConfig.SECRET_KEY, String.class);
    assertThat(key).hasSizeGreaterThanOrEqualTo(32);
    assertThat(second.getValue(CliConfig.SECRET_KEY, String.class)).isNotEqualTo(key);
  }

  @Test
  void loadWhenSecretKeyGivenThenKept() throws Exception {
    CliConfig config =
        CliConfig.load(null, Map.of("SECURITY_SECRET_KEY", "k".repeat(40)), new Properties());

    assertThat(config.getValue(CliConfig.SECRET_KEY, String.class)).isEqualTo("k".repeat(40));
  }
}
