package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.web.InvalidInputException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ReviewAndAssignmentTest extends ProcessTestBase {

  @BeforeEach
  void today() {
    driver.today(LocalDate.of(2026, 7, 1));
  }

  @Test
  void shouldRejectOnlyWithReasonAndEnd() {
    // given
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于设立县城公共自行车的建议");
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(ReviewProposal.KEY);

    // when the reason is missing, then the review is refused and nothing changes
    assertThatThrownBy(() -> driver.complete("congress-clerk", id, ReviewProposal.KEY,
        Map.of(ReviewProposal.REVIEW_DECISION.name(), "REJECT")))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors())
            .extracting(error -> error.field())
            .containsExactly(ReviewProposal.REVIEW_COMMENT.name()));
    assertThat(instance).isWaitingAt(ReviewProposal.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.SUBMITTED);

    // when rejected with a reason
    walk.review(id, "REJECT", "NORMAL");

    // then
    assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
    ProposalRecord record = records.get(id);
    assertThat(record.status()).isEqualTo(ProposalStatus.REJECTED);
    assertThat(record.caseNumber()).isNull();
    assertThat(record.reviewComment()).isEqualTo("不属于本级人大职权范围");
  }

  @Test
  void shouldConvertMotionToSuggestionWithSuggestionCaseNumber() {
    // given a motion of eleven deputies
    String session = ProcessDriver.newSession();
    String id = driver.submitMotion(session, "关于建设县级综合档案馆的议案");

    // when the congress office converts it
    walk.review(id, "CONVERT_TO_SUGGESTION", "NORMAL");

    // then it continues as a suggestion, numbered among the session's suggestions
    ProposalRecord record = records.get(id);
    assertThat(record.kind()).isEqualTo(ProposalKind.SUGGESTION);
    assertThat(record.submittedKind()).isEqualTo(ProposalKind.MOTION);
    assertThat(record.caseNumber()).isEqualTo(1);
    assertThat(record.status()).isEqualTo(ProposalStatus.ASSIGNING);
    assertThat(instance(id)).isWaitingAt(AssignAgencies.KEY).variables()
        .containsEntry(ProcessVariables.KIND.name(), "SUGGESTION")
        .containsEntry(ProcessVariables.CASE_NUMBER.name(), 1);
    assertThat(driver.task(id, AssignAgencies.KEY).getName()).isEqualTo("交办：建议第1号《关于建设县级综合档案馆的议案》");
  }

  @Test
  void shouldNumberAcceptedProposalsConsecutivelyPerSessionAndKind() {
    String session = ProcessDriver.newSession();
    String first = driver.submitSuggestion(session, "关于第一件建议的建议");
    String second = driver.submitSuggestion(session, "关于第二件建议的建议");
    String motion = driver.submitMotion(session, "关于第一件议案的议案");

    walk.review(second, "ACCEPT", "NORMAL");
    walk.review(motion, "ACCEPT", "NORMAL");
    walk.review(first, "ACCEPT", "NORMAL");

    assertThat(records.get(second).caseNumber()).isEqualTo(1);
    assertThat(records.get(first).caseNumber()).isEqualTo(2);
    assertThat(records.get(motion).caseNumber()).isEqualTo(1);
  }

  @Test
  void shouldReassignAfterDisputeKeepingTheReplyClock() {
    // given assigned to the political-legal committee on 2026-07-01
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于化解基层矛盾纠纷的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw", "sfj");
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2026, 10, 8));

    // when it disputes the assignment two days later
    driver.today(LocalDate.of(2026, 7, 3));
    driver.complete("zfw-handler", id, AcceptAssignment.KEY,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(),
            "该事项属于司法行政职责"));

    // then it goes back to the government office with the reason
    assertThat(instance(id)).isWaitingAt(AssignAgencies.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.ASSIGNING);
    assertThat(timelineDetails(id, "DISPUTED")).containsExactly("该事项属于司法行政职责");

    // when re-assigned to the justice bureau: the reply deadline still counts from the first assignment
    walk.assign(id, "sfj", "zfw");
    ProposalRecord record = records.get(id);
    assertThat(record.leadAgency()).isEqualTo("sfj");
    assertThat(record.assignmentRound()).isEqualTo(2);
    assertThat(record.replyDue()).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(driver.task(id, AcceptAssignment.KEY).getTaskDefinitionKey()).isEqualTo(AcceptAssignment.KEY);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup("agency-sfj")
        .count()).isEqualTo(1);

    // and the old lead agency can no longer act on it
    assertThatThrownBy(() -> walk.accept(id, "zfw")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void shouldRecordNewDeadlineSetOnReassignment() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于改善农村饮水条件的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw");
    driver.complete("zfw-handler", id, AcceptAssignment.KEY,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(),
            "应由住建局主办"));

    // a deadline beyond six months of the first assignment is refused
    assertThatThrownBy(() -> driver.complete("gov-clerk", id, AssignAgencies.KEY,
            Map.of(AssignAgencies.LEAD_AGENCY.name(), "zjj", AssignAgencies.REPLY_DEADLINE.name(), "2027-01-15")))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors())
            .extracting(error -> error.code())
            .containsExactly("too-late"));

    // a new deadline within the limit is taken (a Sunday moves to Monday) and recorded
    driver.complete("gov-clerk", id, AssignAgencies.KEY,
        Map.of(AssignAgencies.LEAD_AGENCY.name(), "zjj", AssignAgencies.REPLY_DEADLINE.name(), "2026-11-01"));
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(timelineDetails(id, "ASSIGNED")).last().asString().contains("答复期限：2026年11月2日（周一）");
  }

  @Test
  void shouldRefuseUnknownAgenciesAndLeadAmongCoAgencies() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于完善养老服务体系的建议");
    walk.review(id, "ACCEPT", "NORMAL");

    assertThatThrownBy(() -> walk.assign(id, "nope", "mzj", "mzj"))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors())
            .extracting(error -> error.field() + ":" + error.code())
            .containsExactly("leadAgency:unknown-agency", "coAgencies[1]:duplicate"));
    assertThatThrownBy(() -> walk.assign(id, "mzj", "mzj"))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors())
            .extracting(error -> error.field() + ":" + error.code())
            .containsExactly("coAgencies[0]:lead-is-co"));
    assertThat(instance(id)).isWaitingAt(AssignAgencies.KEY);
    assertThat(records.get(id).leadAgency()).isNull();
  }

  @Test
  void shouldGoStraightToDraftingWithoutCoAgencies() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于增设公交站台的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "jtj");
    walk.accept(id, "jtj");

    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(driver.tasks(id, ProvideCoOpinion.KEY)).isEmpty();
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.DRAFTING);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup("agency-jtj")
        .taskDefinitionKey(DraftReply.KEY).count()).isEqualTo(1);
  }
}
