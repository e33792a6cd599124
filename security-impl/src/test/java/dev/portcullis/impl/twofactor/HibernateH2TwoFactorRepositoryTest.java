package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.jpa.HibernateNames;
import dev.portcullis.impl.persistence.DatastoreNames;
import java.util.HashMap;
import java.util.Map;

/**
 * The two-factor SQL on in-memory H2 with Hibernate, WildFly's provider: the locks (a user's row, a
 * stand-in's) must be taken, and the same ones, whichever provider writes the SQL. Runs in the
 * hibernate-test surefire execution.
 */
class HibernateH2TwoFactorRepositoryTest extends H2TwoFactorRepositoryTest {

  @Override
  String persistenceUnit() {
    return "portcullis-hibernate-test";
  }

  @Override
  Map<String, Object> providerProperties() {
    Map<String, Object> properties =
        new HashMap<>(HibernateNames.properties(DatastoreNames.PORTCULLIS));
    properties.put(
        "hibernate.session_factory.statement_inspector", HibernateStatementLog.class.getName());
    return properties;
  }
}
