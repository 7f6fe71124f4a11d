package cn.renda.proposals.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.CallableStatementCallback;
import org.springframework.jdbc.core.CallableStatementCreator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.lang.Nullable;

/**
 * The application's {@link JdbcTemplate} (under {@code JdbcClient} and every repository of the record), configured as
 * Spring Boot configures its own from {@code spring.jdbc.template.*}, which tells {@link TransactionReads} of every
 * statement that may change data before it runs, so that no read kept by the transaction outlives a change of its
 * tables. Every way the template runs a statement of its caller's is covered: updates, batches, {@code execute}, calls,
 * and queries whose text names a change.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcWrites {

  @Bean
  @Primary
  JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties,
      ObjectProvider<SQLExceptionTranslator> translator) {
    Template template = new Template(dataSource);
    JdbcProperties.Template settings = properties.getTemplate();
    template.setFetchSize(settings.getFetchSize());
    template.setMaxRows(settings.getMaxRows());
    if (settings.getQueryTimeout() != null) {
      template.setQueryTimeout((int) settings.getQueryTimeout().getSeconds());
    }
    translator.ifUnique(template::setExceptionTranslator);
    return template;
  }

  /** A JdbcTemplate that announces each statement that may change data. */
  static final class Template extends JdbcTemplate {

    Template(DataSource dataSource) {
      super(dataSource);
    }

    private static String sqlOf(Object statement) {
      return statement instanceof SqlProvider provider ? provider.getSql() : null;
    }

    // --- statements that may change data

    @Override
    public <T> T execute(ConnectionCallback<T> action) {
      TransactionReads.changing(sqlOf(action));
      return super.execute(action);
    }

    @Override
    public <T> T execute(StatementCallback<T> action) {
      TransactionReads.changing(sqlOf(action));
      return super.execute(action);
    }

    @Override
    public void execute(String sql) {
      TransactionReads.changing(sql);
      super.execute(sql);
    }

    @Override
    public int update(String sql) {
      TransactionReads.changing(sql);
      return super.update(sql);
    }

    @Override
    public int[] batchUpdate(String... sql) {
      for (String statement : sql) {
        TransactionReads.changing(statement);
      }
      return super.batchUpdate(sql);
    }

    @Override
    public <T> T execute(PreparedStatementCreator creator, PreparedStatementCallback<T> action) {
      TransactionReads.changing(sqlOf(creator));
      return super.execute(creator, action);
    }

    @Override
    public <T> T execute(String sql, PreparedStatementCallback<T> action) {
      TransactionReads.changing(sql);
      return super.execute(sql, action);
    }

    @Override
    protected int update(PreparedStatementCreator creator, @Nullable PreparedStatementSetter setter) {
      TransactionReads.changing(sqlOf(creator));
      return super.update(creator, setter);
    }

    @Override
    public int update(PreparedStatementCreator creator, KeyHolder keys) {
      TransactionReads.changing(sqlOf(creator));
      return super.update(creator, keys);
    }

    @Override
    public int[] batchUpdate(PreparedStatementCreator creator, BatchPreparedStatementSetter setter, KeyHolder keys) {
      TransactionReads.changing(sqlOf(creator));
      return super.batchUpdate(creator, setter, keys);
    }

    @Override
    public int[] batchUpdate(String sql, BatchPreparedStatementSetter setter) {
      TransactionReads.changing(sql);
      return super.batchUpdate(sql, setter);
    }

    @Override
    public <T> int[][] batchUpdate(String sql, Collection<T> arguments, int batchSize,
        ParameterizedPreparedStatementSetter<T> setter) {
      TransactionReads.changing(sql);
      return super.batchUpdate(sql, arguments, batchSize, setter);
    }

    @Override
    public <T> T execute(CallableStatementCreator creator, CallableStatementCallback<T> action) {
      TransactionReads.changing(sqlOf(creator));
      return super.execute(creator, action);
    }

    @Override
    public Map<String, Object> call(CallableStatementCreator creator, List<SqlParameter> parameters) {
      TransactionReads.changing(sqlOf(creator));
      return super.call(creator, parameters);
    }

    // --- queries: the paths every other query method of the template (and JdbcClient's) goes through

    @Override
    public <T> T query(String sql, ResultSetExtractor<T> extractor) {
      TransactionReads.querying(sql);
      return super.query(sql, extractor);
    }

    @Override
    public <T> Stream<T> queryForStream(String sql, RowMapper<T> mapper) {
      TransactionReads.querying(sql);
      return super.queryForStream(sql, mapper);
    }

    @Override
    public <T> T query(PreparedStatementCreator creator, @Nullable PreparedStatementSetter setter,
        ResultSetExtractor<T> extractor) {
      TransactionReads.querying(sqlOf(creator));
      return super.query(creator, setter, extractor);
    }

    @Override
    public <T> Stream<T> queryForStream(PreparedStatementCreator creator, @Nullable PreparedStatementSetter setter,
        RowMapper<T> mapper) {
      TransactionReads.querying(sqlOf(creator));
      return super.queryForStream(creator, setter, mapper);
    }
  }
}
