package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.ProcessDriver;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Proposals in progress on the model of version 1.0.0 finish on it: its listeners' names ({@code taskPreparation},
 * {@code taskCompletion.…}, {@code proposalSteps.startDrafting}, {@code notifications.dissatisfied}) lead to what this
 * version does at the same steps ({@link LegacyModel}). Three proposals waiting at a draft, at the parallel co-opinions
 * and beside an overdue supervision go on to their next steps, the record following as it does on the current model.
 */
@IntegrationTest
class LegacyModelTest extends ProcessTestBase {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired Outbox outbox;

  @Test
  void shouldCarryProposalsOnTheModelOfVersion100ToTheirNextSteps() throws IOException {
    // given three proposals in progress, on the 1.0.0 model as an installation of that version left them
    driver.today(LocalDate.of(2026, 7, 1));
    String session = ProcessDriver.newSession();
    String drafting = walk.toDrafting(session, "jtj");
    String coOpinions = driver.submitSuggestion(session, "关于旧版本流程之协办的建议");
    walk.review(coOpinions, "ACCEPT", "NORMAL");
    walk.assign(coOpinions, "zfw", "sfj", "fy");
    walk.accept(coOpinions, "zfw");
    walk.coOpinion(coOpinions, "sfj");
    String overdue = walk.toDrafting(session, "wjj");
    driver.fire(overdue, "Timer_ReplyOverdue");
    String atReview = driver.submitMotion(session, "关于旧版本流程之撤回的议案");
    List<String> ids = List.of(drafting, coOpinions, overdue, atReview);
    ids.forEach(outbox::deliver); // a migration moves the jobs of executions only; these test instances have none else
    ProcessDefinition old = deploy("1.0.0 for the test", "upgrade/proposal-handling-1.0.0.bpmn");
    assertThat(old.getVersionTag()).isEqualTo("1.0.0");
    ids.forEach(id -> moveTo(old, id));
    deploy("current again", "bpmn/proposal-handling.bpmn");

    // when they go on: a reply signed off, a dissatisfied deputy, the last co-opinion, an approved extension
    walk.draft(drafting, "jtj", "A", null);
    walk.signOff(drafting, "jtj", "APPROVE");
    walk.feedback(drafting, "DISSATISFIED");
    walk.coOpinion(coOpinions, "fy");
    driver.complete("gov-clerk", overdue, SuperviseOverdue.KEY,
        Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), "已电话督促"));
    LocalDate until = records.get(overdue).replyDue().plusDays(20);
    driver.complete("wjj-handler", overdue, DraftReply.KEY, Map.of(DraftReply.DRAFT_ACTION.name(), "REQUEST_EXTENSION",
        DraftReply.EXTENSION_REASON.name(), "需要协调", DraftReply.EXTENSION_UNTIL.name(), until.toString()));
    driver.complete("gov-clerk", overdue, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE"));
    // and the lead deputy withdraws the one at review: the 1.0.0 model has no withdrawal sub-process, it ends anyway
    withdrawal.withdraw(atReview, "maohongding", "已在调研中解决");
    assertThat(records.get(atReview).status()).isEqualTo(ProposalStatus.WITHDRAWN);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(atReview).count())
        .isZero();
    assertThat(driver.tasks(atReview, ReviewProposal.KEY)).isEmpty();
    assertThat(outbox.deliveries(atReview)).filteredOn(d -> d.kind().equals("WITHDRAWN") && d.channel().equals("MAIL"))
        .singleElement().satisfies(d -> assertThat(d.target().split(",")).hasSize(10));

    // then they are still on 1.0.0, and each record and task is where the current model would have them
    List.of(drafting, coOpinions, overdue)
        .forEach(id -> assertThat(instance(id).getProcessDefinitionId()).isEqualTo(old.getId()));
    assertThat(records.get(drafting).status()).isEqualTo(ProposalStatus.REHANDLING);
    assertThat(records.get(drafting).rehandlingRound()).isEqualTo(1);
    assertThat(driver.task(drafting, DraftReply.KEY).getName()).contains("《关于加强海岛交通建设的建议》");
    assertThat(outbox.deliveries(drafting)).extracting(Outbox.Delivery::kind).contains("DISSATISFIED");
    assertThat(records.get(coOpinions).status()).isEqualTo(ProposalStatus.DRAFTING);
    assertThat(taskLocal(coOpinions, View.CO_OPINIONS_SUMMARY)).contains("【县司法局】", "【县人民法院】");
    assertThat(records.get(overdue).replyDue()).isEqualTo(deadlines(until));
    assertThat(records.get(overdue).status()).isEqualTo(ProposalStatus.DRAFTING);
    assertThat(driver.tasks(overdue, DraftReply.KEY)).hasSize(1);
  }

  @Autowired Deadlines deadlineRules;
  @Autowired Withdrawal withdrawal;

  private LocalDate deadlines(LocalDate day) {
    return deadlineRules.onWorkingDay(day);
  }

  private String taskLocal(String id, View view) {
    return String.valueOf(engine.getTaskService().getVariableLocal(driver.task(id, DraftReply.KEY).getId(),
        view.key()));
  }

  /** Deploys a model with the forms (Tasklist finds a task's form in its model's deployment). */
  private ProcessDefinition deploy(String name, String model) throws IOException {
    DeploymentBuilder deployment = repositoryService.createDeployment().name(name).enableDuplicateFiltering(false);
    try (InputStream in = new ClassPathResource(model).getInputStream()) {
      deployment.addString("proposal-handling.bpmn",
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        deployment.addString(form.getFilename(),
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    String deploymentId = deployment.deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }

  private void moveTo(ProcessDefinition target, String id) {
    String instance = instance(id).getId();
    String source = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    var plan = runtimeService.createMigrationPlan(source, target.getId()).mapEqualActivities().build();
    runtimeService.newMigration(plan).processInstanceIds(instance).skipCustomListeners().execute();
  }
}
