package dev.portcullis.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.impl.persistence.DatastoreLayout;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.persistence.MappedTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatastoreSettingsTest {

  private static DatastoreNames read(Map<String, String> settings) {
    return new SecurityConfiguration(MapConfig.valid(settings)).datastore();
  }

  @Test
  void readWhenNothingSetThenPortcullisOwnTables() {
    DatastoreNames names = read(Map.of());

    assertThat(names.layout()).isEqualTo(DatastoreLayout.PORTCULLIS);
    assertThat(names.adopted()).isFalse();
    assertThat(names.table(MappedTable.USER)).isEqualTo("fs_user");
    assertThat(names.table(MappedTable.ROLES_USERS)).isEqualTo("fs_roles_users");
    assertThat(names.column(MappedTable.USER, "active")).isEqualTo("active");
  }

  @Test
  void readWhenFsqlaV3ThenFlaskSecurityTableNamesFromOneSetting() {
    DatastoreNames names = read(Map.of("security.datastore_schema", "fsqla_v3"));

    assertThat(names.adopted()).isTrue();
    assertThat(names.table(MappedTable.USER)).isEqualTo("user");
    assertThat(names.table(MappedTable.ROLE)).isEqualTo("role");
    assertThat(names.table(MappedTable.ROLES_USERS)).isEqualTo("roles_users");
    assertThat(names.table(MappedTable.WEBAUTHN)).isEqualTo("web_authn");
  }

  @Test
  void readWhenFsqlaV3WithOwnNamesThenThoseNames() {
    DatastoreNames names =
        read(
            Map.of(
                "security.datastore_schema", "FSQLA_V3",
                "security.datastore_user_table", "users",
                "security.datastore_role_table", "roles",
                "security.datastore_roles_users_table", "user_roles",
                "security.datastore_webauthn_table", "webauthn",
                "security.datastore_columns", " user.active = is_active , role.name=title"));

    assertThat(names.table(MappedTable.USER)).isEqualTo("users");
    assertThat(names.table(MappedTable.ROLE)).isEqualTo("roles");
    assertThat(names.table(MappedTable.ROLES_USERS)).isEqualTo("user_roles");
    assertThat(names.table(MappedTable.WEBAUTHN)).isEqualTo("webauthn");
    assertThat(names.column(MappedTable.USER, "active")).isEqualTo("is_active");
    assertThat(names.column(MappedTable.ROLE, "name")).isEqualTo("title");
    assertThat(names.column(MappedTable.WEBAUTHN, "name")).isEqualTo("name");
  }

  @Test
  void readWhenUnknownSchemaThenConfigurationErrorNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("security.datastore_schema", "fsqla_v9")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.datastore_schema")
        .hasMessageContaining("portcullis or fsqla_v3");
  }

  @Test
  void readWhenNamesForPortcullisTablesThenConfigurationErrorNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("security.datastore_user_table", "users")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.datastore_user_table")
        .hasMessageContaining("security.datastore_schema=fsqla_v3");
    assertThatThrownBy(() -> read(Map.of("security.datastore_columns", "user.active=on")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.datastore_columns");
  }

  @Test
  void readWhenNameIsNotAPlainIdentifierThenConfigurationError() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "security.datastore_schema", "fsqla_v3",
                        "security.datastore_user_table", "user\"; DROP TABLE role; --")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("security.datastore_user_table")
        .hasMessageContaining("plain SQL identifiers");
  }

  @Test
  void readWhenColumnUnknownOrMalformedThenConfigurationErrorNamingThePair() {
    for (String pair : new String[] {"user.nope=x", "group.name=x", "active=is_active", "user.x"}) {
      assertThatThrownBy(
              () ->
                  read(
                      Map.of(
                          "security.datastore_schema",
                          "fsqla_v3",
                          "security.datastore_columns",
                          pair)))
          .as(pair)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("security.datastore_columns")
          .hasMessageContaining(pair);
    }
  }
}
