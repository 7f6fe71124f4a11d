package cn.renda.proposals.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that the engine's queries need at national scale and its schema lacks. Each was
 * found with PostgreSQL's {@code EXPLAIN ANALYZE} of a query the product makes all day (README, "Benchmark at
 * national scale"). They are created after the engine has created or checked its schema, once ({@code IF NOT
 * EXISTS}); on large existing tables the first start after an upgrade takes a moment longer while they are built.
 * The two on the job table keep the names they were given first; the others carry this application's prefix, so
 * that a later engine's own index of the same name cannot collide with them.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  /** One index: its name, table and columns, and where PostgreSQL allows it, the rows it covers. */
  record Index(String name, String table, String columns, String rowsOnPostgres, String reason) {}

  static final List<Index> INDEXES = List.of(
      new Index("ACT_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_", null,
          "the job executor's due jobs, earliest first (JobAcquisition)"),
      new Index("ACT_IDX_JOB_LOCK_EXP_TIME", "ACT_RU_JOB", "LOCK_EXP_TIME_", null,
          "the jobs the executors hold, for the exclusive-jobs check (JobAcquisition)"),
      // Every task query of a user with authorization checks joins the user's grants: "USER_ID_ IN (user, '*') OR
      // GROUP_ID_ IN (groups)". The group half has an index, the user half none, so PostgreSQL read the whole grant
      // table — one row per candidate group of every open task — for each list and count of a Tasklist filter:
      // 5 of the 8 ms of an agency's 本单位待办 count at 10,000 open tasks (1.5 ms with it). Grants to single users
      // are few; group grants (USER_ID_ null) stay out of the index.
      new Index("PROP_IDX_AUTH_USER_ID", "ACT_RU_AUTHORIZATION", "USER_ID_", "USER_ID_ IS NOT NULL",
          "a user's own grants, joined by every authorized task query"),
      // 督办 asks for the supervision tasks by their key; without an index every open task was read (7.5 → 3.2 ms).
      new Index("PROP_IDX_TASK_DEF_KEY", "ACT_RU_TASK", "TASK_DEF_KEY_", null,
          "tasks of one step, as the office's 督办 filter asks"),
      // 已超期 and 即将到期 ask for tasks by their due date; without an index every open task was read (16 → 7 ms).
      new Index("PROP_IDX_TASK_DUE_DATE", "ACT_RU_TASK", "DUE_DATE_", null,
          "tasks due before or after a moment, as 已超期 and 即将到期 ask"),
      // Every task completion asks for the task's sub-tasks (the engine deletes them with it); without an index
      // PostgreSQL read every open task for it: 1.2 to 1.9 ms of each completion in the benchmark's first figure,
      // more with every open task. Sub-tasks are rare: only tasks that have a parent are in the index.
      new Index("PROP_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_", "PARENT_TASK_ID_ IS NOT NULL",
          "a task's sub-tasks, asked at each completion"));

  private DataSource dataSource;
  private boolean postgres;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.dataSource = configuration.getDataSource();
    this.postgres = "postgres".equals(configuration.getDatabaseType());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Index current = null;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (Index index : INDEXES) {
        current = index;
        statement.execute(definition(index, postgres));
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      String which = current == null ? "" : " " + current.name() + " (" + current.reason() + ")";
      throw new ProcessEngineException("Cannot create the index" + which + " the engine's queries need", e);
    }
  }

  static String definition(Index index, boolean postgres) {
    String create = "CREATE INDEX IF NOT EXISTS " + index.name() + " ON " + index.table() + " (" + index.columns()
        + ")";
    return postgres && index.rowsOnPostgres() != null ? create + " WHERE " + index.rowsOnPostgres() : create;
  }
}
