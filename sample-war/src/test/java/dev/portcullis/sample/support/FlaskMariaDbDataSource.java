package dev.portcullis.sample.support;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Portcullis' data source pointing at the Flask-Security database {@link FlaskDatabase} loaded into
 * MariaDB; replaces the sample's own in the adoption IT's deployment. Through {@link
 * MariaDbLocalDataSource}, which says why.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/portcullis",
    className = "dev.portcullis.sample.support.MariaDbLocalDataSource",
    url = "jdbc:mariadb://127.0.0.1:3306/" + FlaskDatabase.SCHEMA,
    user = "root",
    password = "")
public class FlaskMariaDbDataSource {}
