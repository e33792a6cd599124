package dev.portcullis.impl.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells whether a failure means the database cannot be reached (an outage, answered 503) rather
 * than a bug (a 500). Only standard JDBC facts are read, so it holds for every JPA provider, driver
 * and server: a connection exception class ({@link SQLTransientConnectionException}, {@link
 * SQLNonTransientConnectionException}, {@link SQLRecoverableException}); an SQLState of class
 * {@code 08} (connection exception) or PostgreSQL's {@code 57P01..57P03} (the server is shutting
 * down or not accepting connections yet); or an {@link SQLException} the server's pool raised
 * because it could not allocate a connection (its cause a {@code jakarta.resource} exception). A
 * constraint violation, a syntax error or a missing table is none of these.
 */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  /** Whether {@code failure} or one of its causes says the database cannot be reached. */
  public static boolean causedBy(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLException sql && (connectionFailure(sql) || poolFailure(sql))) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionFailure(SQLException e) {
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return true;
    }
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /** The pool's own failure: "Error in allocating a connection", caused by a ResourceException. */
  private static boolean poolFailure(SQLException e) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e.getCause(); t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t.getClass().getName().startsWith("jakarta.resource.")
          || t.getClass().getName().startsWith("javax.resource.")) {
        return true;
      }
    }
    return false;
  }
}
