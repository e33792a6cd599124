package dev.portcullis.cli;

import dev.portcullis.impl.authentication.IdentityResolver;
import dev.portcullis.impl.config.SecurityConfiguration;
import dev.portcullis.impl.jpa.EclipseLinkNames;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.password.PasswordHasher;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.persistence.SchemaMigrator;
import dev.portcullis.impl.persistence.SqlNames;
import dev.portcullis.impl.persistence.StandaloneStores;
import dev.portcullis.impl.registration.DefaultUsernamePolicy;
import dev.portcullis.spi.PasswordPolicy;
import dev.portcullis.spi.RoleStore;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import dev.portcullis.spi.UsernamePolicy;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * What a command works with: the application's password hashing and policy, identity resolution,
 * and the stores over the database — migrated first, so a fresh database works too.
 */
final class CliContext implements AutoCloseable {

  /** The CLI's resource-local unit; its own file so it never meets security-impl's JTA unit. */
  static final String UNIT = "portcullis-cli";

  static final String PERSISTENCE_XML = "META-INF/portcullis-cli-persistence.xml";

  private final SecurityConfiguration configuration;
  private PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final UsernamePolicy usernames;
  private final EntityManagerFactory emf;
  private final StandaloneStores stores;
  private final IdentityResolver identities;
  private final Clock clock;

  private CliContext(
      SecurityConfiguration configuration,
      Messages messages,
      EntityManagerFactory emf,
      SqlNames sql,
      Clock clock) {
    this.configuration = configuration;
    this.policy = CliPasswordPolicy.create(configuration, messages);
    this.usernames = new DefaultUsernamePolicy(configuration.account(), messages);
    this.emf = emf;
    this.stores = new StandaloneStores(emf, clock, sql);
    this.identities = new IdentityResolver(stores.users(), configuration.authentication());
    this.clock = clock;
  }

  /**
   * Reads the configuration (failing before the database is touched when it is unusable), migrates
   * the schema (or adopts Flask-Security's tables, with {@code security.datastore_schema=fsqla_v3})
   * and opens JPA.
   */
  static CliContext open(Config config, Connection connection, Clock clock) {
    SecurityConfiguration configuration = new SecurityConfiguration(config);
    DatastoreNames names = configuration.datastore();
    SchemaMigrator.Result schema =
        new SchemaMigrator()
            .migrate(
                new DriverDataSource(connection.url(), connection.user(), connection.password()),
                names);
    EntityManagerFactory emf = Persistence.createEntityManagerFactory(UNIT, jpa(connection, names));
    try {
      emf.createEntityManager().close(); // connect now, so a failure is reported here
      return new CliContext(
          configuration,
          new Messages(config, configuration.locales()),
          emf,
          SqlNames.of(names, schema.vendor()),
          clock);
    } catch (RuntimeException e) {
      emf.close();
      throw e;
    }
  }

  private static Map<String, Object> jpa(Connection connection, DatastoreNames names) {
    Map<String, Object> properties = new HashMap<>(EclipseLinkNames.properties(names));
    properties.put("eclipselink.persistencexml", PERSISTENCE_XML);
    properties.put("jakarta.persistence.jdbc.url", connection.url());
    if (connection.user() != null) {
      properties.put("jakarta.persistence.jdbc.user", connection.user());
    }
    if (connection.password() != null) {
      properties.put("jakarta.persistence.jdbc.password", connection.password());
    }
    return properties;
  }

  /** The database to work on. */
  record Connection(String url, String user, String password) {

    @Override
    public String toString() {
      return "Connection[url=" + url + ", user=" + user + "]";
    }
  }

  SecurityConfiguration configuration() {
    return configuration;
  }

  /**
   * The application's hasher, built on first use: only the commands that set passwords need the
   * password salt.
   *
   * @throws IllegalStateException naming the setting that is missing (e.g. the salt)
   */
  PasswordHasher hasher() {
    if (hasher == null) {
      hasher = new PasswordHasher(configuration.password(), new SecureRandom());
    }
    return hasher;
  }

  PasswordPolicy policy() {
    return policy;
  }

  UserStore users() {
    return stores.users();
  }

  RoleStore roles() {
    return stores.roles();
  }

  StandaloneStores stores() {
    return stores;
  }

  Clock clock() {
    return clock;
  }

  /** The user an identity names (email, then username when enabled), or a failure saying so. */
  UserRecord user(String identity) {
    return identities
        .resolve(identity)
        .orElseThrow(() -> new CliFailure("No user '" + identity + "'."));
  }

  @Override
  public void close() {
    emf.close();
  }

  /** The username rules of the application. */
  UsernamePolicy usernames() {
    return usernames;
  }
}
