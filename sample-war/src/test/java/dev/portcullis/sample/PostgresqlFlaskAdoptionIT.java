package dev.portcullis.sample;

import dev.portcullis.sample.support.FlaskDatabase;
import dev.portcullis.sample.support.FlaskPostgresqlDataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The sample adopting the PostgreSQL database Flask-Security wrote ({@code
 * tools/flask-fixtures/postgresql/}); skipped when PostgreSQL does not answer on 127.0.0.1.
 */
@EnabledIf(
    value = "reachable",
    disabledReason = "PostgreSQL not reachable on 127.0.0.1 (.ci/run starts it)")
class PostgresqlFlaskAdoptionIT extends AbstractFlaskAdoptionIT {

  static boolean reachable() {
    return FlaskDatabase.reachable(FlaskDatabase.Kind.POSTGRESQL);
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(FlaskDatabase.Kind.POSTGRESQL, FlaskPostgresqlDataSource.class);
  }
}
