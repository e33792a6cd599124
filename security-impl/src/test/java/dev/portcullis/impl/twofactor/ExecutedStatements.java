package dev.portcullis.impl.twofactor;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL the JPA provider sent, as its listener ({@link StatementLog} for EclipseLink, {@link
 * HibernateStatementLog} for Hibernate) reported it, so a test can compare what two paths do.
 */
final class ExecutedStatements {

  private static final List<String> STATEMENTS = new ArrayList<>();

  private ExecutedStatements() {}

  static void add(String sql) {
    synchronized (STATEMENTS) {
      STATEMENTS.add(sql);
    }
  }

  /** The statements since the last call, in order; forgets them. */
  static List<String> take() {
    synchronized (STATEMENTS) {
      List<String> taken = List.copyOf(STATEMENTS);
      STATEMENTS.clear();
      return taken;
    }
  }
}
