package dev.portcullis.sample;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The datasource Portcullis uses ({@code java:app/jdbc/portcullis}). Embedded H2 unless the
 * environment says otherwise.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/portcullis",
    className = "${ENV=PORTCULLIS_DB_CLASS:org.h2.jdbcx.JdbcDataSource}",
    url = "${ENV=PORTCULLIS_DB_URL:jdbc:h2:mem:portcullis;DB_CLOSE_DELAY=-1}",
    user = "${ENV=PORTCULLIS_DB_USER:sa}",
    password = "${ENV=PORTCULLIS_DB_PASSWORD:}")
public class SampleDataSource {}
