package dev.portcullis.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.sql.DataSourceDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

class EnvironmentDataSourceTest {

  @Test
  void poolSettingsWhenSampleThenPayaraValidatesAndLibertyValidatesBeforeReuse() {
    DataSourceDefinition sample = SampleDataSource.class.getAnnotation(DataSourceDefinition.class);

    assertThat(sample.properties())
        .contains(
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.fail-all-connections=true",
            "validationTimeout=5s",
            "purgePolicy=EntirePool");
  }

  /**
   * WildFly's pool asks for a connection with the user and password of the definition, null when
   * the definition names none (the sample's: the environment names them): the configured ones hold.
   */
  @Test
  void whenAskedWithNullUserThenTheConfiguredUserConnects() throws SQLException {
    EnvironmentDataSource dataSource = new EnvironmentDataSource(Map.<String, String>of()::get);
    try (Connection connection = dataSource.getConnection(null, null)) {
      assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("sa");
    }
  }

  /**
   * WildFly's pool gives the user of a {@code @DataSourceDefinition} that names none as the
   * annotation's default, the empty string (PostgreSQL refuses it: TwoNodesIT's WildFly node).
   */
  @Test
  void whenAskedWithEmptyUserThenTheConfiguredUserConnects() throws SQLException {
    EnvironmentDataSource dataSource = new EnvironmentDataSource(Map.<String, String>of()::get);
    try (Connection connection = dataSource.getConnection("", "")) {
      assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("sa");
    }
  }

  @Test
  void whenNothingSetThenInMemoryH2ThatConnects() throws SQLException {
    EnvironmentDataSource dataSource = new EnvironmentDataSource(Map.<String, String>of()::get);
    assertThat(dataSource.vendor()).isInstanceOf(JdbcDataSource.class);
    assertThat(((JdbcDataSource) dataSource.vendor()).getURL())
        .isEqualTo(EnvironmentDataSource.DEFAULT_URL);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
  }

  @Test
  void whenPostgresqlSetThenItsDataSourceWithUrlAndUser() throws SQLException {
    EnvironmentDataSource dataSource =
        new EnvironmentDataSource(
            Map.of(
                    "PORTCULLIS_DB_CLASS", PGSimpleDataSource.class.getName(),
                    "PORTCULLIS_DB_URL", "jdbc:postgresql://db.example:5432/app",
                    "PORTCULLIS_DB_USER", "portcullis",
                    "PORTCULLIS_DB_PASSWORD", "s3cret")
                ::get);
    PGSimpleDataSource pg = dataSource.unwrap(PGSimpleDataSource.class);
    assertThat(pg.getURL()).startsWith("jdbc:postgresql://db.example:5432/app");
    assertThat(pg.getUser()).isEqualTo("portcullis");
    assertThat(pg.getPassword()).isEqualTo("s3cret");
  }

  @Test
  void whenMariaDbSetThenItsUrlSetterIsUsed() throws SQLException {
    EnvironmentDataSource dataSource =
        new EnvironmentDataSource(
            Map.of(
                    "PORTCULLIS_DB_CLASS",
                    MariaDbDataSource.class.getName(),
                    "PORTCULLIS_DB_URL",
                    "jdbc:mariadb://db.example:3307/app")
                ::get);
    assertThat(dataSource.unwrap(MariaDbDataSource.class).getUrl())
        .startsWith("jdbc:mariadb://db.example:3307/app");
  }

  @Test
  void whenClassUnknownThenClearErrorNamingIt() {
    assertThatThrownBy(
            () -> new EnvironmentDataSource(Map.of("PORTCULLIS_DB_CLASS", "com.example.Nope")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PORTCULLIS_DB_CLASS=com.example.Nope cannot be loaded");
  }

  @Test
  void whenClassIsNoDataSourceThenClearError() {
    assertThatThrownBy(
            () -> new EnvironmentDataSource(Map.of("PORTCULLIS_DB_CLASS", "java.lang.Object")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not a javax.sql.DataSource");
  }

  @Test
  void whenVendorRefusesAValueThenTheErrorDoesNotRepeatIt() {
    String secretLookingUrl = "not-a-mariadb-url-with-password=hunter2";
    assertThatThrownBy(
            () ->
                new EnvironmentDataSource(
                    Map.of(
                            "PORTCULLIS_DB_CLASS",
                            MariaDbDataSource.class.getName(),
                            "PORTCULLIS_DB_URL",
                            secretLookingUrl)
                        ::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setUrl refused its value")
        .message()
        .doesNotContain("hunter2");
  }
}
