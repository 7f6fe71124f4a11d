package cn.renda.proposals.process;

import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

  /** The proposal's process instance, running or ended (BPM Assert reads ended ones from the history). */
  ProcessInstance instance(String id) {
    ProcessInstance running =
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    if (running != null) {
      return running;
    }
    HistoricProcessInstance ended =
        engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    return new EndedInstance(ended);
  }

  /** An ended instance as BPM Assert wants it: only its ids are read. */
  private record EndedInstance(HistoricProcessInstance history) implements ProcessInstance {
    @Override
    public String getId() {
      return history.getId();
    }

    @Override
    public String getProcessInstanceId() {
      return history.getId();
    }

    @Override
    public String getProcessDefinitionId() {
      return history.getProcessDefinitionId();
    }

    @Override
    public String getProcessDefinitionKey() {
      return history.getProcessDefinitionKey();
    }

    @Override
    public String getBusinessKey() {
      return history.getBusinessKey();
    }

    @Override
    public String getRootProcessInstanceId() {
      return history.getRootProcessInstanceId();
    }

    @Override
    public String getCaseInstanceId() {
      return null;
    }

    @Override
    public boolean isSuspended() {
      return false;
    }

    @Override
    public boolean isEnded() {
      return true;
    }

    @Override
    public String getTenantId() {
      return history.getTenantId();
    }

  }

  List<String> timelineDetails(String id, String action) {
    return jdbc.sql("SELECT detail FROM timeline_event WHERE proposal_id = ? AND action = ? ORDER BY id")
        .params(id, action)
        .query(String.class)
        .list();
  }

  List<Map<String, Object>> alerts(String id) {
    return jdbc.sql("""
            SELECT kind, subject, deadline, repetition, recipients FROM alert WHERE proposal_id = ?
            ORDER BY raised_at, kind""")
        .param(id)
        .query()
        .listOfRows();
  }

  List<Map<String, Object>> replies(String id) {
    return jdbc.sql("""
            SELECT version, status, classification, sign_off_comment FROM reply WHERE proposal_id = ?
            ORDER BY version""")
        .param(id)
        .query()
        .listOfRows();
  }
}
