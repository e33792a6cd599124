package dev.portcullis.impl.persistence;

import dev.portcullis.impl.jpa.HibernateNames;
import java.util.Map;

/**
 * The repository tests on in-memory H2 with Hibernate, WildFly's provider, instead of EclipseLink:
 * the entities, queries and read-only look-ups are portable JPA. Runs in its own surefire execution
 * (hibernate-test), where Hibernate is the only provider on the class path.
 */
class HibernateH2RepositoryTest extends H2RepositoryTest {

  @Override
  String persistenceUnit() {
    return "portcullis-hibernate-test";
  }

  @Override
  Map<String, Object> providerProperties() {
    // Portcullis' own tables, given rather than read from MicroProfile Config (none here).
    return HibernateNames.properties(DatastoreNames.PORTCULLIS);
  }

  @Override
  int statementCount() {
    return HibernateStatementCounter.count();
  }
}
