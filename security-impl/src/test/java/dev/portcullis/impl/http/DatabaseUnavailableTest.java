package dev.portcullis.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void causedByWhenConnectionStateBehindJpaThenTrue() {
    // PostgreSQL's "An I/O error occurred while sending to the backend", as EclipseLink wraps it.
    SQLException io = new SQLException("I/O error", "08006", new EOFException());
    PersistenceException jpa = new PersistenceException("Exception [EclipseLink-4002]", io);

    assertThat(DatabaseUnavailable.causedBy(new RuntimeException(jpa))).isTrue();
  }

  @Test
  void causedByWhenServerShuttingDownOrConnectionClassThenTrue() {
    assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating", "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("starting up", "57P03"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("timeout")))
        .isTrue();
  }

  @Test
  void causedByWhenPoolCannotAllocateThenTrue() {
    // Payara's pool: "Error in allocating a connection", no SQLState, a ResourceException inside.
    SQLException pool =
        new SQLException(
            "Error in allocating a connection", new ResourceException("Connection refused"));

    assertThat(DatabaseUnavailable.causedBy(new PersistenceException(pool))).isTrue();
  }

  @Test
  void causedByWhenBugOfTheStatementOrDataThenFalse() {
    assertThat(
            DatabaseUnavailable.causedBy(
                new PersistenceException(
                    new SQLIntegrityConstraintViolationException("duplicate", "23505"))))
        .isFalse();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("no such table", "42P01"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
  }

  @Test
  void causedByWhenCausesFormACycleThenEnds() {
    SQLException first = new SQLException("a", "42000");
    RuntimeException second = new RuntimeException("b", first);
    first.initCause(second);

    assertThat(DatabaseUnavailable.causedBy(second)).isFalse();
  }
}
