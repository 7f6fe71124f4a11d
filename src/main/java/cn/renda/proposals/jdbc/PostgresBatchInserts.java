package cn.renda.proposals.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Sends the engine's batched inserts to PostgreSQL as one statement per table and batch: the connection pool's
 * PostgreSQL driver gets {@code reWriteBatchedInserts=true} unless the operator decided otherwise (the pool's
 * {@code spring.datasource.hikari.data-source-properties.reWriteBatchedInserts}, or the parameter in the URL, which
 * the driver prefers).
 *
 * <p>The engine flushes each transaction as JDBC batches, its inserts grouped by table: a task's completion inserts
 * its answers as variables, their history and details, the next tasks, their history and timers. Sent as they are,
 * each row is a statement PostgreSQL parses, binds and executes on its own; rewritten, the rows of one table go in one
 * multi-row {@code INSERT}. Per lifecycle of the benchmark's first figure, 597 statements became 536 (the bare chain's
 * 313 stay 312: its batches hold one row per table). The driver then reports an insert's row count as "succeeded,
 * count unknown", which the engine accepts for inserts (it checks counts only for updates and deletes, its optimistic
 * locking); the product's own inserts are single statements and are not affected. The price: when one row of a
 * rewritten insert fails, the engine's error names the batch rather than the row (such an insert is a bug or a
 * broken database, and the transaction is rolled back either way).
 */
@Component
public class PostgresBatchInserts implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresBatchInserts.class);

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      configure(pool);
    }
    return bean;
  }

  /** Sets the driver property on a PostgreSQL pool not yet started, unless it is set already. */
  static void configure(HikariDataSource pool) {
    String url = pool.getJdbcUrl();
    if (url == null || !url.startsWith("jdbc:postgresql:") || pool.getDataSourceProperties().containsKey(PROPERTY)
        || pool.isRunning()) {
      return;
    }
    pool.addDataSourceProperty(PROPERTY, "true");
    LOG.debug("Pool {}: PostgreSQL batched inserts are rewritten into multi-row statements", pool.getPoolName());
  }
}
