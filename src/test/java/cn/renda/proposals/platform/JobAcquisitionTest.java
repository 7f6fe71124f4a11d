package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The job executor finds due jobs off indexes, earliest first ({@link JobAcquisition}). */
@IntegrationTest
class JobAcquisitionTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldAcquireDueJobsEarliestFirstOffTheDueDateAndLockIndexes() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();

    assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job'").query(String.class).list())
        .anySatisfy(index -> assertThat(index).containsIgnoringCase("act_idx_job_duedate").contains("(duedate_)"))
        .anySatisfy(index -> assertThat(index).containsIgnoringCase("act_idx_job_lock_exp_time")
            .contains("(lock_exp_time_)"));
  }
}
