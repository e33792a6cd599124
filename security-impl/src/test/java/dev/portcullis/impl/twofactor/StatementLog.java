package dev.portcullis.impl.twofactor;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Reports the SQL EclipseLink executes to {@link ExecutedStatements} (the session event listener of
 * the two-factor repository tests' unit).
 */
public class StatementLog extends SessionEventAdapter {

  @Override
  public void preExecuteCall(SessionEvent event) {
    if (event.getCall() instanceof DatabaseCall call) {
      ExecutedStatements.add(call.getSQLString());
    }
  }
}
