package dev.portcullis.impl.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** Flushes and tells a unique-constraint race apart from a real database failure. */
final class ConstraintViolations {

  private ConstraintViolations() {}

  /**
   * Flushes {@code em}; {@code false} when the database rejected the changes with an integrity
   * constraint violation (SQLSTATE class 23, the same on H2, PostgreSQL and MariaDB/MySQL). Any
   * other failure is rethrown. After {@code false} the transaction is marked rollback-only (and on
   * PostgreSQL aborted), so the caller must not touch the database again in it.
   */
  static boolean flushUnlessViolated(EntityManager em) {
    try {
      em.flush();
      return true;
    } catch (PersistenceException e) {
      if (isIntegrityViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  static boolean isIntegrityViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
