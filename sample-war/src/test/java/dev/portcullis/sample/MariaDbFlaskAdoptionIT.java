package dev.portcullis.sample;

import dev.portcullis.sample.support.FlaskDatabase;
import dev.portcullis.sample.support.FlaskMariaDbDataSource;
import dev.portcullis.sample.support.MariaDbLocalDataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The sample adopting the MariaDB database Flask-Security wrote ({@code
 * tools/flask-fixtures/mariadb/}); skipped when MariaDB does not answer on 127.0.0.1.
 */
@EnabledIf(
    value = "reachable",
    disabledReason = "MariaDB not reachable on 127.0.0.1 (.ci/run starts it)")
class MariaDbFlaskAdoptionIT extends AbstractFlaskAdoptionIT {

  static boolean reachable() {
    return FlaskDatabase.reachable(FlaskDatabase.Kind.MARIADB);
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(FlaskDatabase.Kind.MARIADB, FlaskMariaDbDataSource.class)
        .addClass(MariaDbLocalDataSource.class);
  }
}
