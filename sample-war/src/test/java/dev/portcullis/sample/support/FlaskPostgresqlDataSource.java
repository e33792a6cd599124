package dev.portcullis.sample.support;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Portcullis' data source pointing at the Flask-Security database {@link FlaskDatabase} loaded into
 * PostgreSQL; replaces the sample's own in the adoption IT's deployment.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/portcullis",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + FlaskDatabase.SCHEMA,
    user = "postgres",
    password = "")
public class FlaskPostgresqlDataSource {}
