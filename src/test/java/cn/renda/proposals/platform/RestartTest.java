package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.SuperviseOverdue;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.Walk;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nothing accepted is lost when the application stops: the record, the waiting task and its timers come back. */
class RestartTest {

  @AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void shouldKeepTimersAndRecordAcrossARestart() {
    TestDatabases.Database database = TestDatabases.create();
    Map<String, String> properties = new HashMap<>(TestApplications.on(database));
    properties.put("camunda.bpm.job-execution.enabled", "false");
    String id;
    Date due;

    // given a proposal in drafting, its reply deadline timer waiting
    try (ConfigurableApplicationContext first = TestApplications.start(List.of("demo"), properties)) {
      Walk walk = walk(first);
      walk.driver().today(LocalDate.of(2026, 7, 1));
      id = walk.toDrafting(ProcessDriver.newSession(), "zfw");
      due = walk.driver().job(id, "Timer_ReplyOverdue").getDuedate();
    }

    // when the application starts again on the same database
    try (ConfigurableApplicationContext second = TestApplications.start(List.of("demo"), properties)) {
      Walk walk = walk(second);

      // then the timer is still there, and escalates when it is due
      Job timer = walk.driver().job(id, "Timer_ReplyOverdue");
      assertThat(timer.getDuedate()).isEqualTo(due);
      walk.driver().fire(timer);
      assertThat(walk.driver().tasks(id, SuperviseOverdue.KEY)).hasSize(1);
      assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM alert WHERE proposal_id = ?").param(id)
          .query(Long.class).single()).isEqualTo(1);
      assertThat(walk.driver().tasks(id, DraftReply.KEY)).hasSize(1);
    }
  }

  private static Walk walk(ConfigurableApplicationContext app) {
    ProcessDriver driver = new ProcessDriver(app.getBean(ProcessEngine.class), app.getBean(ProposalSubmission.class),
        app.getBean(JdbcClient.class));
    return new Walk(driver);
  }
}
