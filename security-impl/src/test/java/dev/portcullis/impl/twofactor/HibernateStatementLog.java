package dev.portcullis.impl.twofactor;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** {@link StatementLog}'s twin for Hibernate: reports each statement Hibernate prepares. */
public class HibernateStatementLog implements StatementInspector {

  private static final long serialVersionUID = 1L;

  @Override
  public String inspect(String sql) {
    ExecutedStatements.add(sql);
    return sql;
  }
}
