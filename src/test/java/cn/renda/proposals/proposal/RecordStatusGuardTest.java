package cn.renda.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record refuses a change that does not fit the proposal's status, whoever asks: every status change off the
 * model's paths, a second acceptance, a reply while nobody drafts, feedback on a proposal not waiting for it, and
 * more. Nothing is stored.
 */
@IntegrationTest
class RecordStatusGuardTest {

  @Autowired ProposalRecords records;
  @Autowired AssignmentRounds rounds;
  @Autowired CoOpinions coOpinions;
  @Autowired Replies replies;
  @Autowired Extensions extensions;
  @Autowired Feedbacks feedbacks;
  @Autowired ProgressReports progressReports;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void shouldRefuseEveryStatusChangeOffTheModelsPaths() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于状态守卫测试的建议");
    List<String> allowed = new ArrayList<>();
    for (ProposalStatus from : ProposalStatus.values()) {
      for (ProposalStatus to : ProposalStatus.values()) {
        jdbc.sql("UPDATE proposal SET status = ? WHERE id = ?").params(from.name(), id).update();
        boolean refused;
        try {
          inTransaction(() -> records.enter(records.get(id), to));
          refused = false;
        } catch (RecordStateException e) {
          refused = true;
        }
        ProposalStatus after = records.get(id).status();
        if (refused) {
          assertThat(after).as(from + " → " + to + " refused, status kept").isEqualTo(from);
        } else {
          assertThat(after).as(from + " → " + to).isEqualTo(to);
          allowed.add(from + "→" + to);
        }
        assertThat(refused).as(from + " → " + to).isEqualTo(from != to && !from.next().contains(to));
      }
    }
    assertThat(allowed).contains("SUBMITTED→ASSIGNING", "SIGN_OFF→AWAITING_FEEDBACK", "FOLLOW_UP→CLOSED")
        .doesNotContain("CLOSED→DRAFTING", "SUBMITTED→AWAITING_FEEDBACK", "REJECTED→ASSIGNING");
    assertThat(ProposalStatus.CLOSED.next()).isEmpty();
    assertThat(ProposalStatus.REJECTED.next()).isEmpty();
  }

  @Test
  void shouldRefuseASecondAcceptanceAndAReplyWhileNobodyDrafts() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "zfw", "sfj");
    long opinions = count("co_opinion", id);
    long timeline = count("timeline_event", id);

    assertRefused(() -> rounds.accept(id, false, "zfw-handler"));
    assertRefused(() -> rounds.dispute(id, "再退回一次", "zfw-handler"));
    assertRefused(() -> coOpinions.give(id, "sfj", "再提一次意见", "sfj-handler"));
    assertRefused(() -> feedbacks.give(id, Satisfaction.SATISFIED, null, "maohongding"));
    assertRefused(() -> replies.signOff(id, true, null, "zfw-leader"));
    assertRefused(() -> replies.deliver(id));
    assertRefused(() -> extensions.decide(id, ExtensionDecision.APPROVE, null, "gov-clerk"));
    assertRefused(() -> records.evaluate(id, Classification.A, null, "congress-clerk"));
    assertRefused(() -> records.close(id));
    assertRefused(() -> progressReports.report(id, "报告", false, "zfw-handler"));

    assertThat(count("co_opinion", id)).isEqualTo(opinions);
    assertThat(count("timeline_event", id)).isEqualTo(timeline);
    assertThat(count("feedback", id)).isZero();
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.DRAFTING);
  }

  @Test
  void shouldRefuseFeedbackOnAProposalNotWaitingForItAndADraftAfterDelivery() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "jtj");
    walk.feedback(id, "SATISFIED");
    long replyRows = count("reply", id);

    assertRefused(() -> feedbacks.give(id, Satisfaction.DISSATISFIED, "再评一次", "maohongding"));
    assertRefused(() -> replies.draft(id, new ReplyDraft("新的答复", Classification.A, CommunicationMethod.PHONE,
        null, null, true, null), "jtj-handler"));
    assertRefused(() -> rounds.assign(id, "zfw", List.of(), "zfw", null, null, "gov-clerk"));

    assertThat(count("feedback", id)).isEqualTo(1);
    assertThat(count("reply", id)).isEqualTo(replyRows);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.EVALUATION);
  }

  @Test
  void shouldRefuseASecondAcceptanceOnceTheCoAgenciesWereAsked() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于重复签收的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "hyj", "sfj");
    walk.accept(id, "hyj");
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.CO_OPINIONS);

    assertRefused(() -> rounds.accept(id, true, "system"));

    assertThat(driver.tasks(id, AcceptAssignment.KEY)).isEmpty();
    assertThat(count("co_opinion", id)).isEqualTo(1);
  }

  private void assertRefused(Runnable change) {
    assertThatThrownBy(() -> inTransaction(change)).isInstanceOf(RecordStateException.class);
  }

  private void inTransaction(Runnable change) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> change.run());
  }

  private long count(String table, String id) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE proposal_id = ?").param(id).query(Long.class).single();
  }
}
