package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.renda.proposals.proposal.CoSignatureAnswer;
import cn.renda.proposals.proposal.CoSignatures;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 附议确认 as a step of the model: a deputy's own submission waits for its co-signers; a motion goes to review only
 * with ten deputies, otherwise its lead deputy chooses; silence drops a co-signer; paper submissions skip the step.
 */
@IntegrationTest
class CoSigningTest extends ProcessTestBase {

  private static final String LEAD = "maohongding";
  /** Nine co-signers: with the lead deputy exactly the ten a motion needs. */
  private static final List<String> NINE = ProcessDriver.CO_SIGNERS.subList(0, 9);

  @Autowired ProposalSubmission submission;
  @Autowired CoSignatures coSignatures;
  @Autowired DeputyTasks deputyTasks;
  @Autowired Withdrawal withdrawal;
  @Autowired Outbox outbox;

  @BeforeEach
  void today() {
    // a Monday of a week without holidays: three working days end on Thursday
    driver.today(LocalDate.of(2026, 7, 6));
  }

  @Test
  void shouldGoToReviewWhenEveryCoSignerConfirms() {
    // given a deputy's own motion with nine co-signers
    String id = submitOwn(ProposalKind.MOTION, NINE);
    ProcessInstance instance = instance(id);

    // then each co-signer has a task of their own, due at the end of the window, and was asked by mail
    List<Task> tasks = driver.tasks(id, ConfirmCoSignature.KEY);
    assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(NINE);
    assertThat(tasks).extracting(Task::getDueDate).containsOnly(ProcessDriver.endOf(LocalDate.of(2026, 7, 9)));
    ProposalRecord record = records.get(id);
    assertThat(record.status()).isEqualTo(ProposalStatus.CO_SIGNING);
    assertThat(outbox.deliveries(id)).filteredOn(d -> d.kind().equals("CO_SIGNATURE_REQUESTED")
        && d.channel().equals("MAIL")).hasSize(9);
    assertThat(driver.job(id, "Timer_CoSigningWindow").getDuedate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 7, 9)));

    // when all but the last confirm, the motion still waits
    for (String coSigner : NINE.subList(0, 8)) {
      answer(id, coSigner, Decisions.CoSignature.CONFIRM);
    }
    assertThat(instance).isWaitingAt(ConfirmCoSignature.KEY);

    // and when the last confirms
    answer(id, NINE.get(8), Decisions.CoSignature.CONFIRM);

    // then it reaches review as a motion of ten deputies
    assertThat(instance).isWaitingAt(ReviewProposal.KEY);
    record = records.get(id);
    assertThat(record.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(record.kind()).isEqualTo(ProposalKind.MOTION);
    assertThat(record.coSigners()).containsExactlyElementsOf(NINE);
    assertThat(coSignatures.of(id)).extracting(CoSignatures.CoSignature::answer)
        .containsOnly(CoSignatureAnswer.CONFIRMED);
    assertThat(coSignatures.of(id)).extracting(CoSignatures.CoSignature::recordedBy)
        .containsExactlyElementsOf(NINE);
  }

  @Test
  void shouldLetTheLeadDeputySubmitAShortMotionAsSuggestion() {
    // given a motion of ten deputies where one co-signer declines
    String id = submitOwn(ProposalKind.MOTION, NINE);
    answer(id, NINE.get(0), Decisions.CoSignature.DECLINE);
    for (String coSigner : NINE.subList(1, 9)) {
      answer(id, coSigner, Decisions.CoSignature.CONFIRM);
    }

    // then the motion is short and the lead deputy is asked, by a task of their own and a mail
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(DecideShortMotion.KEY);
    assertThat(driver.task(id, DecideShortMotion.KEY).getAssignee()).isEqualTo(LEAD);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.SHORT_OF_CO_SIGNERS);
    assertThat(outbox.deliveries(id)).filteredOn(d -> d.kind().equals("SHORT_OF_CO_SIGNERS")).hasSize(1);

    // when a co-signer tries to decide for the lead deputy, the engine refuses
    assertThatThrownBy(() -> driver.complete(NINE.get(1), id, DecideShortMotion.KEY,
        Map.of(DecideShortMotion.SHORT_MOTION_DECISION.name(), "SUBMIT_AS_SUGGESTION")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance).isWaitingAt(DecideShortMotion.KEY);

    // when the lead deputy submits it as a suggestion
    driver.as(LEAD, () -> deputyTasks.decideShortMotion(id, LEAD, Decisions.ShortMotion.SUBMIT_AS_SUGGESTION, null));

    // then it goes to review as a suggestion of the deputies who confirmed
    assertThat(instance).isWaitingAt(ReviewProposal.KEY);
    ProposalRecord record = records.get(id);
    assertThat(record.kind()).isEqualTo(ProposalKind.SUGGESTION);
    assertThat(record.submittedKind()).isEqualTo(ProposalKind.MOTION);
    assertThat(record.coSigners()).containsExactlyElementsOf(NINE.subList(1, 9));
    assertThat(coSignatures.of(id).get(0).answer()).isEqualTo(CoSignatureAnswer.DECLINED);
  }

  @Test
  void shouldLetTheLeadDeputyWithdrawAShortMotionWithAReason() {
    // given a short motion: two decline
    String id = submitOwn(ProposalKind.MOTION, NINE);
    answer(id, NINE.get(0), Decisions.CoSignature.DECLINE);
    answer(id, NINE.get(1), Decisions.CoSignature.DECLINE);
    for (String coSigner : NINE.subList(2, 9)) {
      answer(id, coSigner, Decisions.CoSignature.CONFIRM);
    }
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(DecideShortMotion.KEY);

    // when the lead deputy withdraws without a reason, it is refused and nothing changes
    assertThatThrownBy(() -> driver.as(LEAD,
        () -> deputyTasks.decideShortMotion(id, LEAD, Decisions.ShortMotion.WITHDRAW, "  ")))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors()).extracting(error -> error.field())
            .containsExactly(DecideShortMotion.WITHDRAWAL_REASON.name()));
    assertThat(instance).isWaitingAt(DecideShortMotion.KEY);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.SHORT_OF_CO_SIGNERS);

    // when with a reason
    driver.as(LEAD, () -> deputyTasks.decideShortMotion(id, LEAD, Decisions.ShortMotion.WITHDRAW, "联名人数不足，下次会议再提"));

    // then the proposal ends withdrawn, and the co-signers who stood behind it are told
    assertThat(instance).isEnded().hasPassed("EndEvent_ShortMotionWithdrawn");
    ProposalRecord record = records.get(id);
    assertThat(record.status()).isEqualTo(ProposalStatus.WITHDRAWN);
    assertThat(record.closedAt()).isNotNull();
    assertThat(jdbc.sql("SELECT withdrawal_reason FROM proposal WHERE id = ?").param(id).query(String.class)
        .single()).isEqualTo("联名人数不足，下次会议再提");
    assertThat(outbox.deliveries(id)).filteredOn(d -> d.kind().equals("WITHDRAWN") && d.channel().equals("MAIL"))
        .singleElement().satisfies(d -> assertThat(d.target().split(",")).hasSize(7));
  }

  @Test
  void shouldDropSilentCoSignersWhenTheWindowCloses() {
    // given a suggestion with three co-signers, of whom one confirms
    List<String> three = NINE.subList(0, 3);
    String id = submitOwn(ProposalKind.SUGGESTION, three);
    answer(id, three.get(1), Decisions.CoSignature.CONFIRM);
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(ConfirmCoSignature.KEY);

    // when the window closes in silence
    driver.fire(id, "Timer_CoSigningWindow");

    // then the suggestion goes on with whoever confirmed; the silent ones are no co-signers, and cannot answer now
    assertThat(instance).isWaitingAt(ReviewProposal.KEY);
    assertThat(records.get(id).coSigners()).containsExactly(three.get(1));
    assertThat(coSignatures.of(id)).extracting(CoSignatures.CoSignature::answer).containsExactly(
        CoSignatureAnswer.NO_ANSWER, CoSignatureAnswer.CONFIRMED, CoSignatureAnswer.NO_ANSWER);
    assertThatThrownBy(() -> answer(id, three.get(0), Decisions.CoSignature.CONFIRM))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void shouldAskTheLeadDeputyWhenAMotionLapsesInSilence() {
    // given a motion where nobody answers
    String id = submitOwn(ProposalKind.MOTION, NINE);

    // when the window closes
    driver.fire(id, "Timer_CoSigningWindow");

    // then
    assertThat(instance(id)).isWaitingAt(DecideShortMotion.KEY);
    assertThat(records.get(id).coSigners()).isEmpty();
  }

  @Test
  void shouldSkipCoSigningForPaperSubmissions() {
    // when the congress office registers a motion handed in on paper
    String id = driver.submitMotion(ProcessDriver.newSession(), "关于加强渔港安全管理的议案");

    // then it goes straight to review, with the signatures recorded as given on paper by the clerk
    assertThat(instance(id)).isWaitingAt(ReviewProposal.KEY);
    assertThat(driver.tasks(id, ConfirmCoSignature.KEY)).isEmpty();
    assertThat(coSignatures.of(id)).hasSize(10).allSatisfy(signature -> {
      assertThat(signature.answer()).isEqualTo(CoSignatureAnswer.ON_PAPER);
      assertThat(signature.recordedBy()).isEqualTo("congress-clerk");
      assertThat(signature.answeredAt()).isNotNull();
    });
  }

  @Test
  void shouldRefuseACoSignerAnsweringForAnother() {
    // given
    String id = submitOwn(ProposalKind.SUGGESTION, NINE.subList(0, 2));
    Task other = driver.tasks(id, ConfirmCoSignature.KEY).stream()
        .filter(task -> task.getAssignee().equals(NINE.get(1))).findFirst().orElseThrow();

    // when the first co-signer completes the second one's task, then the engine refuses and nothing changes
    assertThatThrownBy(() -> driver.complete(NINE.get(0), other,
        Map.of(ConfirmCoSignature.CO_SIGNATURE.name(), "CONFIRM")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(coSignatures.pending(id)).containsExactlyElementsOf(NINE.subList(0, 2));
    // nor may anybody else: the lead deputy
    assertThatThrownBy(() -> answer(id, LEAD, Decisions.CoSignature.CONFIRM)).isInstanceOf(ConflictException.class);
    assertThat(coSignatures.pending(id)).containsExactlyElementsOf(NINE.subList(0, 2));
  }

  @Test
  void shouldWithdrawUntilAssignedAndRefuseAfterwards() {
    // given a paper suggestion at review, withdrawn by its lead deputy
    String atReview = driver.submitSuggestion(ProcessDriver.newSession(), "关于整治农村饮用水源的建议");
    assertThatThrownBy(() -> withdrawal.withdraw(atReview, LEAD, ""))
        .satisfies(e -> assertThat(InvalidInputException.findIn(e).errors()).extracting(error -> error.field())
            .containsExactly(Withdrawal.REASON));
    assertThat(instance(atReview)).isWaitingAt(ReviewProposal.KEY);

    withdrawal.withdraw(atReview, LEAD, "问题已在调研中解决");
    assertThat(instance(atReview)).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(records.get(atReview).status()).isEqualTo(ProposalStatus.WITHDRAWN);

    // and one already assigned cannot be withdrawn: nothing changes
    String assigned = driver.submitSuggestion(ProcessDriver.newSession(), "关于改善乡镇卫生院条件的建议");
    walk.review(assigned, "ACCEPT", "NORMAL");
    walk.assign(assigned, "wjj");
    assertThatThrownBy(() -> withdrawal.withdraw(assigned, LEAD, "不想提了")).isInstanceOf(ConflictException.class);
    assertThat(instance(assigned)).isWaitingAt(AcceptAssignment.KEY);
    assertThat(records.get(assigned).status()).isEqualTo(ProposalStatus.AWAITING_ACCEPTANCE);

    // and nobody but its lead deputy withdraws a proposal
    String other = driver.submitSuggestion(ProcessDriver.newSession(), "关于增设公交站点的建议");
    assertThatThrownBy(() -> withdrawal.withdraw(other, NINE.get(0), "代别人撤回"))
        .isInstanceOf(cn.renda.proposals.web.NotFoundException.class);
    assertThat(records.get(other).status()).isEqualTo(ProposalStatus.SUBMITTED);
  }

  private String submitOwn(ProposalKind kind, List<String> coSigners) {
    String title = kind == ProposalKind.MOTION ? "关于建设海岛应急救援体系的议案" : "关于完善海岛垃圾转运的建议";
    return submission.submit(new NewProposal(kind, ProcessDriver.newSession(), title, "内容：" + title, LEAD,
        coSigners), LEAD);
  }

  private void answer(String id, String coSigner, Decisions.CoSignature answer) {
    driver.as(coSigner, () -> deputyTasks.answerCoSignature(id, coSigner, answer));
  }
}
