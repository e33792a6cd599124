package dev.portcullis.sample;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The datasource Portcullis uses ({@code java:app/jdbc/portcullis}): embedded H2 unless the
 * environment says otherwise ({@code PORTCULLIS_DB_CLASS}, {@code PORTCULLIS_DB_URL}, {@code
 * PORTCULLIS_DB_USER}, {@code PORTCULLIS_DB_PASSWORD}).
 *
 * <p>The annotation holds no expressions: Payara's {@code ${ENV=...}} is read literally by WildFly
 * and Open Liberty, and they have no common syntax of their own. {@link EnvironmentDataSource}
 * reads the environment instead, the same way on every server; the server pools its connections.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/portcullis",
    className = "dev.portcullis.sample.EnvironmentDataSource",
    properties = {
      // WildFly's connector needs at least one property for a data source class.
      "description=Portcullis sample, configured by PORTCULLIS_DB_*",
      // Payara's pool (the other servers ignore fish.payara.*): check each connection with JDBC's
      // isValid before handing it out, and drop every pooled connection when one fails, so that
      // after a database outage the next request gets a new connection instead of a broken one
      // (recovery without a restart; FaultsIT).
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // Open Liberty's (each server ignores the other's): validate a pooled connection (JDBC's
      // isValid, at most 5 s) before reusing it, and when one turns out broken purge the whole
      // pool (Liberty's default, stated).
      "validationTimeout=5s",
      "purgePolicy=EntirePool"
      // WildFly takes no pool validation from a definition in the application: define the data
      // source in the server instead (README, "Faults, health and metrics").
    })
public class SampleDataSource {}
