package dev.portcullis.impl.persistence;

import dev.portcullis.impl.jpa.HibernateNames;
import java.util.Map;

/**
 * {@link MariaDbFlaskAdoptionTest} with Hibernate, WildFly's provider: Flask-Security's tables and
 * columns reached through {@link HibernateNames}, and ids the database assigns, so that
 * Flask-Security's own inserts afterwards collide with none of Portcullis'. Only with {@code
 * -Dportcullis.db.matrix=true}; runs in the hibernate-test surefire execution.
 */
class HibernateMariaDbFlaskAdoptionTest extends MariaDbFlaskAdoptionTest {

  @Override
  String persistenceUnit() {
    return "portcullis-hibernate-test";
  }

  @Override
  Map<String, Object> providerProperties(DatastoreNames names) {
    return HibernateNames.properties(names);
  }
}
