package cn.renda.proposals.process;

import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every process test needs: the engine, the drivers, the record, and a clock reset after each test. */
abstract class ProcessTestBase {

  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired ProposalRecords records;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  ProcessInstance instance(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
  }

  List<String> timelineDetails(String id, String action) {
    return jdbc.sql("SELECT detail FROM timeline_event WHERE proposal_id = ? AND action = ? ORDER BY id")
        .params(id, action)
        .query(String.class)
        .list();
  }

  List<Map<String, Object>> alerts(String id) {
    return jdbc.sql("SELECT kind, subject, deadline, repetition, recipients FROM alert WHERE proposal_id = ? ORDER BY raised_at, kind")
        .param(id)
        .query()
        .listOfRows();
  }

  List<Map<String, Object>> replies(String id) {
    return jdbc.sql("SELECT version, status, classification, sign_off_comment FROM reply WHERE proposal_id = ? ORDER BY version")
        .param(id)
        .query()
        .listOfRows();
  }
}
