package dev.portcullis.impl.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates or upgrades Portcullis' schema when the application starts, before any request; a failure
 * fails the deployment.
 */
@ApplicationScoped
public class SchemaStartup {

  private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());

  @Resource(lookup = "java:app/jdbc/portcullis")
  DataSource dataSource;

  void migrate(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
          @Initialized(ApplicationScoped.class)
          Object event) {
    SchemaMigrator.Result result = new SchemaMigrator().migrate(dataSource);
    LOG.info(() -> "Portcullis schema: " + result);
  }
}
