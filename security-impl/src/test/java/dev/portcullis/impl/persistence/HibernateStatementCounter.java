package dev.portcullis.impl.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares (registered in the {@code portcullis-hibernate-test}
 * unit): {@link SqlCounter}'s twin, which is an EclipseLink listener.
 */
public class HibernateStatementCounter implements StatementInspector {

  private static final long serialVersionUID = 1L;
  private static final AtomicInteger COUNT = new AtomicInteger();

  /** Statements prepared so far in this JVM. */
  public static int count() {
    return COUNT.get();
  }

  @Override
  public String inspect(String sql) {
    COUNT.incrementAndGet();
    return sql;
  }
}
