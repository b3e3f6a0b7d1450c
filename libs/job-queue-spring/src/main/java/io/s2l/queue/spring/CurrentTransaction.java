package io.s2l.queue.spring;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The JDBC connection of the running Spring transaction, for the plain-JDBC calls of the queue
 * ({@code enqueue}, {@code complete}, {@code cancel}) that must commit or roll back with the
 * caller's other writes. Outside a transaction each call gets a connection of its own.
 */
public final class CurrentTransaction {

  /** Work on the connection that returns a value. */
  @FunctionalInterface
  public interface Query<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Work on the connection. */
  @FunctionalInterface
  public interface Update {
    void accept(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  public CurrentTransaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} on the transaction's connection and returns its value. */
  public <T> T query(Query<T> work) throws SQLException {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      return work.apply(c);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** Runs {@code work} on the transaction's connection. */
  public void run(Update work) throws SQLException {
    query(
        c -> {
          work.accept(c);
          return null;
        });
  }
}
