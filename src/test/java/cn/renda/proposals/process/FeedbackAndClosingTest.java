package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Satisfaction;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.web.InvalidInputException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IntegrationTest
class FeedbackAndClosingTest extends ProcessTestBase {

  @BeforeEach
  void today() {
    driver.today(LocalDate.of(2026, 7, 1));
  }

  @Test
  void shouldCloseWhenDeputyIsSatisfied() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "jtj");
    ProcessInstance instance = instance(id);

    walk.feedback(id, "SATISFIED");
    assertThat(instance).isWaitingAt(EvaluateHandling.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.EVALUATION);
    walk.evaluate(id, "A");

    assertThat(instance).isEnded().hasPassed("closeProposal", "EndEvent_Closed");
    ProposalRecord record = records.get(id);
    assertThat(record.status()).isEqualTo(ProposalStatus.CLOSED);
    assertThat(record.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(record.finalClassification()).isEqualTo(Classification.A);
    assertThat(record.closedAt()).isNotNull();
  }

  @Test
  void shouldCountSilenceAsNoResponseAfterFifteenWorkingDays() {
    // given the reply delivered on Wednesday 2026-09-16: fifteen working days skip the National Day holiday
    String id = walk.toDrafting(ProcessDriver.newSession(), "jtj");
    driver.today(LocalDate.of(2026, 9, 16));
    walk.draft(id, "jtj", "C", null);
    walk.signOff(id, "jtj", "APPROVE");
    // Sep 17, 18, 20 (Sunday make-up day), 21-24, 28-30, Oct 8, 9, 10 (Saturday make-up day), 12, 13
    LocalDate expected = LocalDate.of(2026, 10, 13);
    assertThat(driver.task(id, GiveFeedback.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(expected));
    assertThat(driver.job(id, "Timer_FeedbackWindow").getDuedate()).isEqualTo(ProcessDriver.endOf(expected));

    // when the window passes
    driver.fire(id, "Timer_FeedbackWindow");

    // then
    assertThat(instance(id)).isWaitingAt(EvaluateHandling.KEY);
    assertThat(records.get(id).satisfaction()).isEqualTo(Satisfaction.NO_RESPONSE);
    assertThat(timelineDetails(id, "FEEDBACK_NO_RESPONSE")).containsExactly("未反馈");
  }

  @Test
  void shouldRefuseNoResponseAsAChoiceAndDissatisfactionWithoutReason() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "jtj");

    assertThatThrownBy(() -> driver.complete("maohongding", id, GiveFeedback.KEY,
        Map.of(GiveFeedback.SATISFACTION.name(), "NO_RESPONSE")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> driver.complete("maohongding", id, GiveFeedback.KEY,
        Map.of(GiveFeedback.SATISFACTION.name(), "DISSATISFIED")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("feedbackComment");
    assertThat(instance(id)).isWaitingAt(GiveFeedback.KEY);
  }

  @Test
  void shouldRehandleOnceAfterDissatisfactionThenClose() {
    // given
    String id = walk.toFeedback(ProcessDriver.newSession(), "wjj");

    // when the deputy is dissatisfied on 2026-07-10
    driver.today(LocalDate.of(2026, 7, 10));
    walk.feedback(id, "DISSATISFIED");

    // then the lead agency handles it again, with one month for the new reply
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    ProposalRecord record = records.get(id);
    assertThat(record.status()).isEqualTo(ProposalStatus.REHANDLING);
    assertThat(record.rehandlingRound()).isEqualTo(1);
    assertThat(record.replyDue()).isEqualTo(LocalDate.of(2026, 8, 10));
    assertThat(driver.task(id, DraftReply.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 8, 10)));

    // when the second reply satisfies the deputy
    walk.draft(id, "wjj", "A", null);
    walk.signOff(id, "wjj", "APPROVE");
    walk.feedback(id, "SATISFIED");

    // then
    assertThat(instance(id)).isWaitingAt(EvaluateHandling.KEY);
    assertThat(replies(id)).hasSize(2);
    assertThat(jdbc.sql("SELECT satisfaction FROM feedback WHERE proposal_id = ? ORDER BY round").param(id)
            .query(String.class).list())
        .containsExactly("DISSATISFIED", "SATISFIED");
  }

  @Test
  void shouldGoToSupervisoryReviewWhenDissatisfiedTwice() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "wjj");
    walk.feedback(id, "DISSATISFIED");
    walk.draft(id, "wjj", "C", null);
    walk.signOff(id, "wjj", "APPROVE");

    // when dissatisfied again
    walk.feedback(id, "DISSATISFIED");

    // then the congress office reviews; it orders another round
    assertThat(instance(id)).isWaitingAt(SuperviseDissatisfaction.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.UNDER_SUPERVISION);
    driver.complete("congress-clerk", id, SuperviseDissatisfaction.KEY,
        Map.of(SuperviseDissatisfaction.SUPERVISION_DECISION.name(), "ANOTHER_ROUND",
            SuperviseDissatisfaction.SUPERVISION_COMMENT.name(), "请分管领导牵头再次研究"));
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(records.get(id).rehandlingRound()).isEqualTo(2);

    // and after a third dissatisfied feedback it closes the matter anyway
    walk.draft(id, "wjj", "C", null);
    walk.signOff(id, "wjj", "APPROVE");
    walk.feedback(id, "DISSATISFIED");
    driver.complete("congress-clerk", id, SuperviseDissatisfaction.KEY,
        Map.of(SuperviseDissatisfaction.SUPERVISION_DECISION.name(), "CLOSE",
            SuperviseDissatisfaction.SUPERVISION_COMMENT.name(), "受财力所限，予以办结"));
    assertThat(instance(id)).isWaitingAt(EvaluateHandling.KEY);
    walk.evaluate(id, "C");
    assertThat(instance(id)).isEnded();
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.CLOSED);
  }

  @Test
  void shouldFollowUpBReplyUntilResolvedAndThenMarkItA() {
    // given a B reply planned for 2026-12-31
    String id = walk.toDrafting(ProcessDriver.newSession(), "zjj");
    walk.draft(id, "zjj", "B", LocalDate.of(2026, 12, 31));
    walk.signOff(id, "zjj", "APPROVE");
    walk.feedback(id, "BASICALLY_SATISFIED");

    // when evaluated as B
    walk.evaluate(id, "B");

    // then the lead agency reports progress at the planned date (a holiday: next working day)
    assertThat(instance(id)).isWaitingAt(ReportProgress.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.FOLLOW_UP);
    assertThat(records.get(id).progressDue()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(driver.task(id, ReportProgress.KEY).getDueDate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 12, 31)));

    // when the first report says it is not resolved yet
    driver.today(LocalDate.of(2026, 12, 30));
    driver.complete("zjj-handler", id, ReportProgress.KEY,
        Map.of(ReportProgress.PROGRESS_REPORT.name(), "项目已立项，正在招标", ReportProgress.RESOLVED.name(), false));

    // then the next report is due three months later
    assertThat(instance(id)).isWaitingAt(ReportProgress.KEY);
    assertThat(records.get(id).progressDue()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(driver.task(id, ReportProgress.KEY).getDueDate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2027, 3, 31)));

    // when resolved
    driver.complete("zjj-handler", id, ReportProgress.KEY,
        Map.of(ReportProgress.PROGRESS_REPORT.name(), "工程已完工并投入使用", ReportProgress.RESOLVED.name(), true));

    // then the classification becomes A and the proposal is closed
    assertThat(instance(id)).isEnded().hasPassed("markResolved", "closeProposal");
    ProposalRecord record = records.get(id);
    assertThat(record.finalClassification()).isEqualTo(Classification.A);
    assertThat(record.status()).isEqualTo(ProposalStatus.CLOSED);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE proposal_id = ?").param(id).query(Integer.class)
        .single()).isEqualTo(2);
  }

  @Test
  void shouldAlertWhenProgressReportIsOverdue() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "zjj");
    walk.draft(id, "zjj", "B", LocalDate.of(2026, 9, 30));
    walk.signOff(id, "zjj", "APPROVE");
    walk.feedback(id, "SATISFIED");
    walk.evaluate(id, "B");

    driver.fire(id, "Timer_ProgressOverdue");

    assertThat(alerts(id)).extracting(a -> a.get("kind")).contains("PROGRESS_OVERDUE");
    assertThat(instance(id)).isWaitingAt(ReportProgress.KEY);
  }
}
