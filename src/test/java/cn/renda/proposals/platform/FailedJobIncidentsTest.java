package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A job with retries left is deleted without asking for its incident; a job that ran out of retries takes its
 * incident with it, and retries given back resolve it, as before ({@link DeliveryJobs.FailedDeliveryIncidents}, the
 * engine's one handler of failed jobs; its delivery additions are tested by {@code NotificationRetryTest}).
 */
@IntegrationTest
class FailedJobIncidentsTest {

  @Autowired ProcessEngine engine;

  private String deployment;

  @BeforeEach
  void deployATaskWithADeadline() {
    deployment = engine.getRepositoryService().createDeployment().addModelInstance("incident-probe.bpmn",
        Bpmn.createExecutableProcess("incident-probe").camundaHistoryTimeToLive(1).startEvent()
            .userTask("wait").boundaryEvent("late").timerWithDuration("PT1H").endEvent("lateEnd")
            .moveToActivity("wait").endEvent("done").done()).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void shouldBeTheEnginesHandlerOfFailedJobs() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE)).isInstanceOf(DeliveryJobs.FailedDeliveryIncidents.class);
  }

  @Test
  void shouldKnowWhichJobsHaveRetriesLeft() {
    Job timer = startWithItsTimer();

    // within a command that loaded it, the timer has its retries; a job the command does not hold is asked about
    boolean[] answers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(command -> {
          command.getJobManager().findJobById(timer.getId());
          return new boolean[] {retriesLeft(timer.getId()), retriesLeft("no-such-job"), retriesLeft(null)};
        });
    assertThat(answers).containsExactly(true, false, false);

    // and completing the task deletes the timer, with no incident anywhere
    completeTheTask(timer);
    assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(timer.getId()).count()).isZero();
  }

  /** Starts the probe process: its task waits with the deadline timer, returned. */
  private Job startWithItsTimer() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("incident-probe").getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
  }

  private void completeTheTask(Job timer) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
        .processInstanceId(timer.getProcessInstanceId()).singleResult().getId());
  }

  private static boolean retriesLeft(String jobId) {
    IncidentContext context = new IncidentContext();
    context.setConfiguration(jobId);
    return DeliveryJobs.FailedDeliveryIncidents.hasRetriesLeft(context);
  }

  @Test
  void shouldDeleteTheIncidentOfAJobWithoutRetries() {
    // given a timer out of retries, with its incident
    RuntimeService runtime = engine.getRuntimeService();
    ManagementService management = engine.getManagementService();
    Job timer = startWithItsTimer();
    management.setJobRetries(timer.getId(), 0);
    assertThat(runtime.createIncidentQuery().configuration(timer.getId()).count()).isEqualTo(1);

    // when the task is completed, which deletes the timer
    completeTheTask(timer);

    // then the incident went with it
    assertThat(management.createJobQuery().jobId(timer.getId()).count()).isZero();
    assertThat(runtime.createIncidentQuery().configuration(timer.getId()).count()).isZero();
  }

  @Test
  void shouldResolveTheIncidentWhenRetriesAreGivenBack() {
    ManagementService management = engine.getManagementService();
    Job timer = startWithItsTimer();
    management.setJobRetries(timer.getId(), 0);

    management.setJobRetries(timer.getId(), 3);

    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(timer.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().configuration(timer.getId()).resolved()
        .count()).isEqualTo(1);
  }
}
