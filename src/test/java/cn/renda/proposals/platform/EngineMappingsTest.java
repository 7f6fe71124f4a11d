package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** The engine takes its SQL mappings from the parse that started with the application, when it fits. */
@IntegrationTest
class EngineMappingsTest {

  @Autowired ProcessEngine engine;

  @Test
  void shouldBuildTheEngineOnTheMappingsReadAhead() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration).isInstanceOf(EngineMappings.EarlyParsed.class);
    assertThat(((EngineMappings.EarlyParsed) configuration).tookEarlyParse).isTrue();
    Configuration mappings = configuration.getSqlSessionFactory().getConfiguration();
    assertThat(mappings.getEnvironment().getDataSource()).isSameAs(configuration.getDataSource());
    assertThat(mappings.getEnvironment().getTransactionFactory()).isSameAs(configuration.getTransactionFactory());
    // every statement the engine's own parse has, built for PostgreSQL (its paging, its bit operations)
    Configuration own = EngineMappings.parse("postgres", "");
    assertThat(mappings.getMappedStatementNames()).containsExactlyInAnyOrderElementsOf(own.getMappedStatementNames());
    assertThat(engine.getTaskService().createTaskQuery().listPage(0, 1)).isNotNull();
  }

  @Test
  void shouldLeaveTheParseToTheEngineWhenTheDatabaseIsNotTheOneItWasReadFor() {
    EngineMappings.start("h2", "");
    assertThat(EngineMappings.take("postgres", "")).isNull();
    EngineMappings.start("postgres", "");
    assertThat(EngineMappings.take("postgres", "other_")).isNull();
    assertThat(EngineMappings.take("postgres", "")).as("nothing pending any more").isNull();

    EngineMappings.start("postgres", "");
    Configuration taken = EngineMappings.take("postgres", "");
    assertThat(taken.hasStatement(
        "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria")).isTrue();
    assertThat(EngineMappings.take("postgres", "")).as("a parse is used once").isNull();
  }

  @Test
  void shouldTellTheDatabaseKindFromTheSettings() {
    assertThat(EngineMappings.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/proposals"))).isEqualTo("postgres");
    assertThat(EngineMappings.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:h2:file:./data/proposals"))).isEqualTo("h2");
    assertThat(EngineMappings.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:oracle:thin:@db:1521/x"))).isNull();
    assertThat(EngineMappings.databaseType(new MockEnvironment().withProperty("camunda.bpm.database.type", "mysql")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/x"))).isEqualTo("mysql");
  }
}
