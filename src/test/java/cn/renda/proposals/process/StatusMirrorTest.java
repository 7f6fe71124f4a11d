package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The record's status mirrors where the proposal is in the model: after every step of every path, each open task
 * finds the record in the status its contract names (one place says which step sets which status), and an ended
 * instance leaves it rejected or closed. Walks every way through the model: rejection, conversion, dispute and
 * re-assignment, tacit acceptance, co-opinions given and late, extension rejected and approved, sign-off returned,
 * silence at feedback, rehandling after dissatisfaction, supervision ordering another round and closing, overdue
 * supervision beside the drafting, follow-up until resolved.
 */
@IntegrationTest
class StatusMirrorTest extends ProcessTestBase {

  @Autowired ProposalProcess process;

  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void today() {
    driver.today(LocalDate.of(2026, 7, 1));
  }

  @Test
  void shouldMirrorTheModelOnTheWayToARejection() {
    String id = submitted();
    walk.review(id, "REJECT", "NORMAL");
    assertEnded(id, ProposalStatus.REJECTED);
  }

  @Test
  void shouldMirrorTheModelThroughConversionDisputeTacitAcceptanceAndSilence() {
    String id = driver.submitMotion(ProcessDriver.newSession(), "关于状态一致性测试之转为建议的议案");
    check(id);
    walk.review(id, "CONVERT_TO_SUGGESTION", "NORMAL");
    check(id);
    walk.assign(id, "sfj");
    check(id);
    driver.complete("sfj-handler", id, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(), "不属于本单位职责"));
    check(id);
    walk.assign(id, "zfw");
    check(id);
    driver.fire(id, "Timer_DisputeWindow");
    check(id);
    walk.draft(id, "zfw", "C", null);
    check(id);
    walk.signOff(id, "zfw", "APPROVE");
    check(id);
    driver.fire(id, "Timer_FeedbackWindow");
    check(id);
    walk.evaluate(id, "C");
    assertEnded(id, ProposalStatus.CLOSED);
    assertThat(seen).contains("acceptAssignment:AWAITING_ACCEPTANCE", "assignAgencies:ASSIGNING",
        "draftReply:DRAFTING", "giveFeedback:AWAITING_FEEDBACK", "evaluateHandling:EVALUATION");
  }

  @Test
  void shouldMirrorTheModelThroughCoOpinionsExtensionsAndAReturnedDraft() {
    String id = submitted();
    walk.review(id, "ACCEPT", "KEY");
    walk.assign(id, "zfw", "sfj", "fy");
    walk.accept(id, "zfw");
    check(id);
    walk.coOpinion(id, "sfj");
    check(id);
    driver.fire(driver.jobs(id, "Timer_CoOpinionDeadline").get(0));
    check(id);
    LocalDate due = records.get(id).replyDue();
    requestExtension(id, due.plusDays(10));
    check(id);
    driver.complete("gov-clerk", id, ApproveExtension.KEY, Map.of(ApproveExtension.EXTENSION_DECISION.name(),
        "REJECT", ApproveExtension.EXTENSION_COMMENT.name(), "理由不充分"));
    check(id);
    requestExtension(id, due.plusDays(20));
    driver.complete("gov-clerk", id, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE"));
    check(id);
    driver.fire(id, "Timer_ReplyOverdue");
    check(id);
    assertThat(driver.tasks(id, SuperviseOverdue.KEY)).hasSize(1);
    driver.complete("gov-clerk", id, SuperviseOverdue.KEY, Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), "已督促"));
    check(id);
    walk.draft(id, "zfw", "A", null);
    check(id);
    walk.signOff(id, "zfw", "RETURN");
    check(id);
    walk.draft(id, "zfw", "A", null);
    walk.signOff(id, "zfw", "APPROVE");
    check(id);
    walk.feedback(id, "SATISFIED");
    check(id);
    walk.evaluate(id, "A");
    assertEnded(id, ProposalStatus.CLOSED);
    assertThat(seen).contains("provideCoOpinion:CO_OPINIONS", "approveExtension:EXTENSION_REQUESTED",
        "signOffReply:SIGN_OFF");
  }

  @Test
  void shouldMirrorTheModelThroughRehandlingSupervisionAndFollowUp() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "jtj");
    check(id);
    walk.feedback(id, "DISSATISFIED");
    check(id);
    walk.draft(id, "jtj", "A", null);
    walk.signOff(id, "jtj", "RETURN");
    check(id);
    walk.draft(id, "jtj", "A", null);
    walk.signOff(id, "jtj", "APPROVE");
    walk.feedback(id, "DISSATISFIED");
    check(id);
    driver.complete("congress-clerk", id, SuperviseDissatisfaction.KEY, Map.of(
        SuperviseDissatisfaction.SUPERVISION_DECISION.name(), "ANOTHER_ROUND",
        SuperviseDissatisfaction.SUPERVISION_COMMENT.name(), "请再次办理"));
    check(id);
    walk.draft(id, "jtj", "B", LocalDate.of(2026, 12, 31));
    walk.signOff(id, "jtj", "APPROVE");
    walk.feedback(id, "DISSATISFIED");
    driver.complete("congress-clerk", id, SuperviseDissatisfaction.KEY, Map.of(
        SuperviseDissatisfaction.SUPERVISION_DECISION.name(), "CLOSE",
        SuperviseDissatisfaction.SUPERVISION_COMMENT.name(), "已尽力办理"));
    check(id);
    walk.evaluate(id, "B");
    check(id);
    driver.complete("jtj-handler", id, ReportProgress.KEY, Map.of(ReportProgress.PROGRESS_REPORT.name(), "推进中"));
    check(id);
    driver.complete("jtj-handler", id, ReportProgress.KEY, Map.of(ReportProgress.PROGRESS_REPORT.name(), "已完成",
        ReportProgress.RESOLVED.name(), true));
    assertEnded(id, ProposalStatus.CLOSED);
    assertThat(seen).contains("draftReply:REHANDLING", "superviseDissatisfaction:UNDER_SUPERVISION",
        "reportProgress:FOLLOW_UP");
  }

  private String submitted() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于状态一致性测试的建议");
    check(id);
    return id;
  }

  private void requestExtension(String id, LocalDate until) {
    driver.complete("zfw-handler", id, DraftReply.KEY, Map.of(DraftReply.DRAFT_ACTION.name(), "REQUEST_EXTENSION",
        DraftReply.EXTENSION_REASON.name(), "需要协调省级部门", DraftReply.EXTENSION_UNTIL.name(), until.toString()));
  }

  /** Every open task finds the record in the status its contract names; a running instance has such a task. */
  private void check(String id) {
    ProposalRecord record = records.get(id);
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).list();
    assertThat(open).as("a running instance waits at a user task").isNotEmpty();
    boolean onThePath = false;
    for (Task task : open) {
      ProposalStatus named = process.task(task.getTaskDefinitionKey()).orElseThrow().waitingStatus(record);
      if (named == null) {
        continue; // beside the main path (超期督办)
      }
      onThePath = true;
      assertThat(record.status()).as(task.getTaskDefinitionKey() + " waits, the record names it").isEqualTo(named);
      seen.add(task.getTaskDefinitionKey() + ":" + named);
    }
    assertThat(onThePath).as("some task of the main path is open").isTrue();
  }

  private void assertEnded(String id, ProposalStatus status) {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    assertThat(records.get(id).status()).isEqualTo(status);
  }
}
