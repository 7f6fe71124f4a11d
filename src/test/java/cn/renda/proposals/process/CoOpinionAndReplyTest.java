package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.web.InvalidInputException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IntegrationTest
class CoOpinionAndReplyTest extends ProcessTestBase {

  @BeforeEach
  void today() {
    driver.today(LocalDate.of(2026, 7, 1));
  }

  @Test
  void shouldDraftWhenTwoCoAgenciesAnsweredAndTheLateOneWasEscalated() {
    // given three co-agencies, assigned on 2026-07-01: co-opinions due one month later
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于推进矛盾纠纷多元化解的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw", "sfj", "fy", "mzj");
    walk.accept(id, "zfw");
    List<Task> coTasks = driver.tasks(id, ProvideCoOpinion.KEY);
    assertThat(coTasks).hasSize(3);
    assertThat(coTasks)
        .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 8, 3))));
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.CO_OPINIONS);

    // an agency cannot write another agency's opinion
    Task fyTask = coTasks.stream().filter(t -> "fy".equals(driver.variable(t, ProcessVariables.CO_AGENCY.name())))
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> driver.complete("sfj-handler", fyTask, Map.of(ProvideCoOpinion.CO_OPINION.name(), "越权")))
        .isInstanceOf(AuthorizationException.class);

    // when two answer in time
    walk.coOpinion(id, "sfj");
    walk.coOpinion(id, "fy");
    assertThat(instance(id)).isWaitingAt(ProvideCoOpinion.KEY);

    // and the third one's deadline passes
    Job deadline = driver.jobs(id, "Timer_CoOpinionDeadline").get(0);
    assertThat(deadline.getDuedate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 8, 3)));
    driver.fire(deadline);

    // then the lead agency drafts, the late one is recorded and escalated
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(jdbc.sql("""
            SELECT agency_code || ':' || status FROM co_opinion WHERE proposal_id = ? ORDER BY agency_code""")
            .param(id).query(String.class).list())
        .containsExactly("fy:SUBMITTED", "mzj:LATE", "sfj:SUBMITTED");
    assertThat(alerts(id)).singleElement().satisfies(alert -> {
      assertThat(alert.get("kind")).isEqualTo("CO_OPINION_OVERDUE");
      assertThat(alert.get("subject")).isEqualTo("mzj");
      assertThat((String) alert.get("recipients")).isEqualTo("gov-office,agency-zfw");
    });
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.DRAFTING);
  }

  @Test
  void shouldRemindCoAgencyAWeekBeforeItsDeadline() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于完善社区矫正工作的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw", "sfj");
    walk.accept(id, "zfw");

    Job reminder = driver.job(id, "Timer_CoOpinionReminder");
    assertThat(reminder.getDuedate())
        .isEqualTo(java.util.Date.from(LocalDate.of(2026, 7, 27).atTime(9, 0).atZone(ProcessDriver.ZONE).toInstant()));
    driver.fire(reminder);

    assertThat(alerts(id)).singleElement().satisfies(alert -> {
      assertThat(alert.get("kind")).isEqualTo("CO_OPINION_REMINDER");
      assertThat(alert.get("recipients")).isEqualTo("agency-sfj");
    });
    assertThat(instance(id)).isWaitingAt(ProvideCoOpinion.KEY);
  }

  @Test
  void shouldReturnDraftTwiceBeforeSignOff() {
    // given
    String id = walk.toDrafting(ProcessDriver.newSession(), "jyj");

    // when the leader returns the draft twice, then approves the third
    walk.draft(id, "jyj", "A", null);
    walk.signOff(id, "jyj", "RETURN");
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    walk.draft(id, "jyj", "A", null);
    walk.signOff(id, "jyj", "RETURN");
    walk.draft(id, "jyj", "A", null);
    walk.signOff(id, "jyj", "APPROVE");

    // then three versions exist and the deputy is asked for feedback
    assertThat(replies(id)).extracting(r -> r.get("status")).containsExactly("RETURNED", "RETURNED", "APPROVED");
    assertThat(replies(id)).extracting(r -> r.get("sign_off_comment"))
        .containsExactly("请补充具体措施和时间表", "请补充具体措施和时间表", null);
    assertThat(instance(id)).isWaitingAt(GiveFeedback.KEY);
    assertThat(driver.task(id, GiveFeedback.KEY).getAssignee()).isEqualTo("maohongding");
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.AWAITING_FEEDBACK);
    assertThat(records.get(id).publishedAt()).isNotNull();
  }

  @Test
  void shouldRefuseReturnWithoutCommentAndSignOffByHandler() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "jyj");
    walk.draft(id, "jyj", "A", null);

    assertThatThrownBy(() -> driver.complete("jyj-leader", id, SignOffReply.KEY,
        Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "RETURN")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("退回意见");
    // the handler is not a leader: the engine refuses
    assertThatThrownBy(() -> driver.complete("jyj-handler", id, SignOffReply.KEY,
        Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance(id)).isWaitingAt(SignOffReply.KEY);
  }

  @Test
  void shouldNotReachSignOffWithoutCommunicationOrWithIncompleteBReply() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "wjj");
    Map<String, Object> reply = new HashMap<>(Walk.reply("B", null));
    reply.remove(DraftReply.COMMUNICATION_METHOD.name());
    reply.put(DraftReply.REPLY_TEXT.name(), "");

    assertThatThrownBy(() -> driver.complete("wjj-handler", id, DraftReply.KEY, reply))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors())
            .extracting(error -> error.field() + ":" + error.code())
            .containsExactly("replyText:required", "communicationMethod:communication-required",
                "plannedResolutionDate:required-for-b"));

    reply.put(DraftReply.REPLY_TEXT.name(), "答复正文");
    reply.put(DraftReply.COMMUNICATION_METHOD.name(), "PHONE");
    reply.put(DraftReply.PLANNED_RESOLUTION_DATE.name(), "2026-07-01");
    assertThatThrownBy(() -> driver.complete("wjj-handler", id, DraftReply.KEY, reply))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors())
            .extracting(error -> error.field() + ":" + error.code())
            .containsExactly("plannedResolutionDate:future"));
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(replies(id)).isEmpty();
  }

  @Test
  void shouldMoveReplyDeadlineWhenExtensionApproved() {
    // given drafting, reply due 2026-10-08
    String id = walk.toDrafting(ProcessDriver.newSession(), "czj");
    assertThat(driver.job(id, "Timer_ReplyOverdue").getDuedate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 8)));

    // an extension beyond six months from assignment is refused
    driver.today(LocalDate.of(2026, 9, 20));
    assertThatThrownBy(() -> requestExtension(id, "2027-01-05"))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors()).extracting(er -> er.code())
            .containsExactly("too-late"));

    // when an extension to 2026-11-30 is requested and approved
    requestExtension(id, "2026-11-30");
    assertThat(instance(id)).isWaitingAt(ApproveExtension.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.EXTENSION_REQUESTED);
    driver.complete("gov-clerk", id, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE"));

    // then the deadline, the task and the escalation timers move
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(driver.task(id, DraftReply.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 11, 30)));
    assertThat(driver.job(id, "Timer_ReplyOverdue").getDuedate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 11, 30)));
    assertThat(timelineDetails(id, "DEADLINE_EXTENDED")).containsExactly("答复期限延长至 2026年11月30日（周一）");

    // and a normal reply follows
    walk.draft(id, "czj", "A", null);
    assertThat(instance(id)).isWaitingAt(SignOffReply.KEY);
  }

  @Test
  void shouldKeepReplyDeadlineWhenExtensionRejected() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "czj");
    driver.today(LocalDate.of(2026, 9, 20));
    requestExtension(id, "2026-11-30");

    assertThatThrownBy(() -> driver.complete("gov-clerk", id, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "REJECT")))
        .isInstanceOf(InvalidInputException.class);
    driver.complete("gov-clerk", id, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "REJECT", ApproveExtension.EXTENSION_COMMENT.name(),
            "理由不充分，请按期答复"));

    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(driver.job(id, "Timer_ReplyOverdue").getDuedate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 8)));
    assertThat(jdbc.sql("SELECT decision FROM extension_request WHERE proposal_id = ?").param(id).query(String.class)
        .list())
        .containsExactly("REJECT");
    // the next completion without a draft action is a reply again, not another request
    Map<String, Object> reply = new HashMap<>(Walk.reply("A", null));
    reply.remove(DraftReply.DRAFT_ACTION.name());
    driver.complete("czj-handler", id, DraftReply.KEY, reply);
    assertThat(instance(id)).isWaitingAt(SignOffReply.KEY);
  }

  private void requestExtension(String id, String until) {
    driver.complete("czj-handler", id, DraftReply.KEY,
        Map.of(DraftReply.DRAFT_ACTION.name(), "REQUEST_EXTENSION", DraftReply.EXTENSION_REASON.name(),
            "需财政预算调整后方能答复", DraftReply.EXTENSION_UNTIL.name(), until));
  }
}
