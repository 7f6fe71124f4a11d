package cn.renda.proposals.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pool's PostgreSQL connections rewrite batched inserts into multi-row statements, the engine's batches are
 * written whole with them, and an operator's own setting (or another database) is left alone.
 */
@IntegrationTest
class PostgresBatchInsertsTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;

  @Test
  void shouldRewriteTheBatchesOfThePoolsConnections() throws SQLException {
    // given a batch of four inserts on a connection of the application's pool
    try (Connection connection = dataSource.getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TEMPORARY TABLE batch_probe (n INTEGER)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_probe (n) VALUES (?)")) {
        for (int n = 1; n <= 4; n++) {
          insert.setInt(1, n);
          insert.addBatch();
        }

        // when it is executed
        int[] counts = insert.executeBatch();

        // then the driver sent them as one statement (each count unknown: the driver rewrites in powers of two) and
        // every row is there
        assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO);
      }
      try (var rows = ddl.executeQuery("SELECT COUNT(*) FROM batch_probe")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(4);
      }
      ddl.execute("DROP TABLE batch_probe");
    }
  }

  @Test
  void shouldWriteEveryRowOfTheEnginesBatches() {
    // given a process whose start inserts five variables, their history and details in one flush
    String deployment = engine.getRepositoryService().createDeployment().addModelInstance("batch-probe.bpmn",
        Bpmn.createExecutableProcess("batch-probe").camundaHistoryTimeToLive(1).startEvent().userTask("wait")
            .endEvent().done()).deploy().getId();
    RuntimeService runtime = engine.getRuntimeService();
    HistoryService history = engine.getHistoryService();

    // when it starts
    String id = runtime.startProcessInstanceByKey("batch-probe",
        Map.of("a", "1", "b", 2, "c", true, "d", "四", "e", 5L)).getId();

    // then every row of every table is written
    assertThat(runtime.getVariables(id)).containsOnlyKeys("a", "b", "c", "d", "e");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).isEqualTo(5);
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).isEqualTo(5);
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void shouldSetTheDriverPropertyOnlyOnPostgresPoolsWithoutIt() {
    HikariDataSource postgres = pool("jdbc:postgresql://db:5432/proposals");
    HikariDataSource h2 = pool("jdbc:h2:mem:x");
    HikariDataSource chosen = pool("jdbc:postgresql://db:5432/proposals");
    chosen.addDataSourceProperty(PostgresBatchInserts.PROPERTY, "false");

    for (HikariDataSource pool : new HikariDataSource[] {postgres, h2, chosen}) {
      PostgresBatchInserts.configure(pool);
    }

    assertThat(postgres.getDataSourceProperties()).containsEntry(PostgresBatchInserts.PROPERTY, "true");
    assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresBatchInserts.PROPERTY);
    assertThat(chosen.getDataSourceProperties()).containsEntry(PostgresBatchInserts.PROPERTY, "false");
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
