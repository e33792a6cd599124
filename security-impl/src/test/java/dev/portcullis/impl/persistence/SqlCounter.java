package dev.portcullis.impl.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/** Counts the SQL statements EclipseLink executes (registered in the test persistence unit). */
public class SqlCounter extends SessionEventAdapter {

  private static final AtomicInteger STATEMENTS = new AtomicInteger();

  @Override
  public void preExecuteCall(SessionEvent event) {
    STATEMENTS.incrementAndGet();
  }

  static int count() {
    return STATEMENTS.get();
  }
}
