package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Full history without what repeats the record ({@link LeanHistory}): a proposal taken to its end keeps every
 * decision, task and sub-process in history, and none of its tasks' form snapshots, gateways, multi-instance
 * counters or notification deliveries' job log — through the Java API, engine-rest and the tables alike.
 */
@IntegrationTest
class LeanHistoryTest {

  @LocalServerPort int port;
  @Autowired Walk walk;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldKeepTheDecisionsAndLeaveOutWhatRepeatsTheRecord() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "zfw", "sfj", "fy");
    walk.feedback(id, "SATISFIED");
    walk.evaluate(id, "A");
    String instance = jdbc.sql("SELECT process_instance_id FROM proposal WHERE id = ?").param(id)
        .query(String.class).single();
    HistoryService history = engine.getHistoryService();

    // (with the variables a step removes once taken: their history stays, marked deleted)
    List<String> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instance).includeDeleted()
        .list()
        .stream().map(HistoricVariableInstance::getName).toList();
    assertThat(variables).contains("reviewDecision", "assignmentDecision", "coOpinion", "replyText", "classification",
        "signOffDecision", "satisfaction", "finalClassification", "evaluationComment", "leadAgency", "coAgency")
        .doesNotContain("proposalTitle", "proposalContent", "deputyNames", "leadAgencyName", "replyDueText",
            "coOpinionsSummary", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
    // two co-agencies gave an opinion each: both are in history, with their values
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("coOpinion")
        .list()).hasSize(2);
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
        .isNotEmpty();

    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance).list();
    assertThat(activities).extracting(HistoricActivityInstance::getActivityType)
        .contains("userTask", "subProcess", "multiInstanceBody", "startEvent")
        .doesNotContain("exclusiveGateway", "parallelGateway", "inclusiveGateway");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count())
        .isGreaterThanOrEqualTo(8);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
        .isNotNull();

    // the notifications were delivered (the outbox says so) without a line in the engine's job log
    List<String> deliveryJobs = new ArrayList<>(jdbc.sql("SELECT d.job_id FROM notification_delivery d"
            + " JOIN notification n ON n.id = d.notification_id WHERE n.proposal_id = ? AND d.job_id IS NOT NULL")
        .param(id).query(String.class).list());
    assertThat(deliveryJobs).isNotEmpty();
    for (String job : deliveryJobs) {
      assertThat(history.createHistoricJobLogQuery().jobId(job).count()).as(job).isZero();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE job_def_type_ = ?").param(DeliveryJobs.TYPE)
        .query(Long.class).single()).isZero();

    // engine-rest answers the same history
    JsonNode rest = Http.as("http://localhost:" + port, "congress-clerk", "demo")
        .get("/engine-rest/history/variable-instance?includeDeleted=true&processInstanceId=" + instance).json();
    List<String> names = new ArrayList<>();
    rest.forEach(variable -> names.add(variable.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrderElementsOf(variables);
  }
}
