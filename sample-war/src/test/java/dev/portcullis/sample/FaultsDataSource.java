package dev.portcullis.sample;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link SampleDataSource}'s definition with the same pool settings ({@code
 * EnvironmentDataSourceTest} keeps them equal), naming {@link ProxiedDataSource}: replaces the
 * sample's in {@code FaultsIT}'s deployment.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/portcullis",
    className = "dev.portcullis.sample.ProxiedDataSource",
    properties = {
      "description=Portcullis sample, configured by PORTCULLIS_DB_*",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
public class FaultsDataSource {}
