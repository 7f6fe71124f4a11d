package cn.renda.proposals.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets string variables hold long text. The engine stores a string variable in a column of 4,000 characters, but a
 * reply letter is often longer (the seed's is 4,254) and Tasklist forms submit it as a string. After the engine has
 * created or checked its schema, the three text columns are widened (PostgreSQL {@code text}, H2 1,000,000
 * characters). Idempotent and cheap: a column already wide is left alone.
 *
 * <p>Operators: keep this in mind when applying Camunda's own upgrade scripts, which do not touch these columns
 * today.
 */
@Component
public class LongTextVariables extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(LongTextVariables.class);
  private static final List<String> TABLES = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL");
  private static final int H2_LENGTH = 1_000_000;

  private DataSource dataSource;
  private String databaseType;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.dataSource = configuration.getDataSource();
    this.databaseType = configuration.getDatabaseType();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection connection = dataSource.getConnection()) {
      for (String table : TABLES) {
        widen(connection, table);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot widen the text columns of the engine's variable tables", e);
    }
  }

  private void widen(Connection connection, String table) throws SQLException {
    boolean postgres = "postgres".equals(databaseType);
    String name = postgres ? table.toLowerCase(Locale.ROOT) : table;
    String column = postgres ? "text_" : "TEXT_";
    DatabaseMetaData metadata = connection.getMetaData();
    try (ResultSet columns = metadata.getColumns(null, null, name, column)) {
      if (!columns.next()) {
        return;
      }
      int size = columns.getInt("COLUMN_SIZE");
      String type = columns.getString("TYPE_NAME");
      boolean wide = postgres ? "text".equalsIgnoreCase(type) : size >= H2_LENGTH;
      if (wide) {
        return;
      }
    }
    String alter = postgres
        ? "ALTER TABLE " + name + " ALTER COLUMN text_ TYPE text"
        : "ALTER TABLE " + name + " ALTER COLUMN TEXT_ VARCHAR(" + H2_LENGTH + ")";
    try (Statement statement = connection.createStatement()) {
      statement.execute(alter);
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
    log.info("Widened {}.TEXT_ for long text variables", table);
  }
}
