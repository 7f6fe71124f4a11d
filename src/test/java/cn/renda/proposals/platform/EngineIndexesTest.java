package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexes the engine's queries need exist ({@link EngineIndexes}), and PostgreSQL can answer the inboxes' parts
 * of those queries off them. Its planner prefers reading a table as small as a test's, so sequential reads are
 * switched off for the question: what is asked is whether the index applies (a partial index only does when the
 * query implies its condition), not whether it pays at this size — the benchmark shows that.
 */
@IntegrationTest
class EngineIndexesTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldHaveEveryIndexOnItsTableAndColumns() {
    for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
      List<String> found = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = ?")
          .param(index.name().toLowerCase(Locale.ROOT)).query(String.class).list();
      assertThat(found).as(index.name()).singleElement().satisfies(definition -> {
        assertThat(definition).containsIgnoringCase(" ON public." + index.table())
            .containsIgnoringCase("(" + index.columns() + ")");
        if (index.rowsOnPostgres() != null) {
          assertThat(definition).containsIgnoringCase("WHERE (" + index.rowsOnPostgres() + ")");
        }
      });
    }
  }

  @Test
  void shouldFindTheCallersOwnGrantsOffTheUserIndex() {
    // the grants a task query joins, as the engine writes them for a user with one group
    String plan = plan("SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
        + " AND (A.USER_ID_ IN ('zfw-handler', '*') OR A.GROUP_ID_ IN ('agency-zfw'))"
        + " AND (A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)");

    assertThat(plan).contains("prop_idx_auth_user_id").contains("act_idx_auth_group_id");
  }

  @Test
  void shouldFindTasksOfOneStepAndTasksDueBeforeAMomentOffTheirIndexes() {
    assertThat(plan("SELECT RES.ID_ FROM ACT_RU_TASK RES"
        + " WHERE RES.TASK_DEF_KEY_ IN ('superviseOverdue', 'superviseDissatisfaction')"))
        .contains("prop_idx_task_def_key");
    assertThat(plan("SELECT RES.ID_ FROM ACT_RU_TASK RES"
        + " WHERE RES.DUE_DATE_ < now() AND RES.DUE_DATE_ IS NOT NULL"))
        .contains("prop_idx_task_due_date");
  }

  @Test
  void shouldFindATasksSubTasksOffThePartialIndexAsTheEngineAsksWithAParameter() {
    // the statement of every completion (TaskManager.findTasksByParentTaskId), planned as a prepared statement's
    // generic plan: the index holds only tasks with a parent, which "= $1" implies
    String plan = transactions.execute(status -> {
      jdbc.sql("SET LOCAL enable_seqscan = off").update();
      jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
      jdbc.sql("PREPARE sub_tasks(varchar) AS SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = $1").update();
      try {
        return String.join("\n", jdbc.sql("EXPLAIN EXECUTE sub_tasks('some-task')").query(String.class).list())
            .toLowerCase(Locale.ROOT);
      } finally {
        jdbc.sql("DEALLOCATE sub_tasks").update();
      }
    });

    assertThat(plan).contains("prop_idx_task_parent").contains("$1");
  }

  private String plan(String query) {
    return transactions.execute(status -> {
      jdbc.sql("SET LOCAL enable_seqscan = off").update();
      return String.join("\n", jdbc.sql("EXPLAIN " + query).query(String.class).list()).toLowerCase(Locale.ROOT);
    });
  }
}
