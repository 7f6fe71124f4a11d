package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.renda.proposals.alert.AlertKind;
import cn.renda.proposals.alert.Alerts;
import cn.renda.proposals.alert.NewAlert;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DeadlinesAndEscalationTest extends ProcessTestBase {

  @Autowired Alerts alertService;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void shouldCountWindowsOnWorkingDaysAcrossNationalDay() {
    // given a proposal submitted on Wednesday 2026-09-30
    driver.today(LocalDate.of(2026, 9, 30));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于国庆期间旅游接待的建议");

    // then its review window ends on the fifth working day: Oct 8, 9, 10 (make-up Saturday), 12, 13
    assertThat(driver.task(id, ReviewProposal.KEY).getDueDate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 13)));

    // when assigned the same day, the dispute window ends on 2026-10-13 as well
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "hyj");
    Job window = driver.job(id, "Timer_DisputeWindow");
    assertThat(window.getDuedate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 13)));
    assertThat(driver.task(id, AcceptAssignment.KEY).getDueDate()).isEqualTo(window.getDuedate());

    // when the window passes in silence, the assignment counts as accepted
    driver.fire(window);
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
    assertThat(timelineDetails(id, "ASSIGNMENT_ACCEPTED_TACITLY")).containsExactly("县海洋与渔业局");
    assertThat(engine.getRuntimeService()
        .getVariable(instance(id).getId(), AcceptAssignment.ASSIGNMENT_DECISION.name())).isEqualTo("ACCEPT");
  }

  @Test
  void shouldDueReplyAfterNationalDayForAssignmentOnFirstOfJuly() {
    // given assigned on 2026-07-01: three months land on 2026-10-01, a holiday
    driver.today(LocalDate.of(2026, 7, 1));
    String id = walk.toDrafting(ProcessDriver.newSession(), "zfw");

    // then the reply is due on the next working day, 2026-10-08, and every timer follows it
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(driver.task(id, DraftReply.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 8)));
    assertThat(driver.job(id, "Timer_ReplyOverdue").getDuedate())
        .isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 8)));
    assertThat(driver.job(id, "Timer_ReplyReminder").getDuedate())
        .isEqualTo(Date.from(LocalDate.of(2026, 10, 1).atTime(9, 0).atZone(ProcessDriver.ZONE).toInstant()));
  }

  @Test
  void shouldRemindLeadAgencyBeforeReplyDeadline() {
    driver.today(LocalDate.of(2026, 7, 1));
    String id = walk.toDrafting(ProcessDriver.newSession(), "zfw");

    driver.fire(id, "Timer_ReplyReminder");

    assertThat(alerts(id)).singleElement().satisfies(alert -> {
      assertThat(alert.get("kind")).isEqualTo("REPLY_REMINDER");
      assertThat(alert.get("recipients")).isEqualTo("agency-zfw");
    });
    assertThat(driver.jobs(id, "Timer_ReplyReminder")).isEmpty();
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY);
  }

  @Test
  void shouldEscalateOnceAtReplyDeadlineAndWeeklyAfterwards() {
    // given a normal proposal drafting, reply due 2026-10-08
    driver.today(LocalDate.of(2026, 7, 1));
    String id = walk.toDrafting(ProcessDriver.newSession(), "zfw");

    // when the reply deadline timer runs
    driver.fire(id, "Timer_ReplyOverdue");

    // then exactly one alert and one supervision task for the government office, beside the open drafting
    assertThat(alerts(id)).singleElement().satisfies(alert -> {
      assertThat(alert.get("kind")).isEqualTo("REPLY_OVERDUE");
      assertThat(alert.get("repetition")).isEqualTo(0);
      assertThat(alert.get("recipients")).isEqualTo("gov-office");
    });
    Task supervision = driver.task(id, SuperviseOverdue.KEY);
    assertThat(candidateGroups(supervision)).containsExactly("gov-office");
    assertThat(supervision.getDueDate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 15)));
    assertThat(instance(id)).isWaitingAt(DraftReply.KEY, SuperviseOverdue.KEY);

    // when the escalation runs again for the same deadline (as a second node would)
    engine.getRuntimeService().createProcessInstanceModification(instance(id).getId())
        .startBeforeActivity("replyEscalation")
        .execute();

    // then nothing new is raised
    assertThat(alerts(id)).hasSize(1);
    assertThat(driver.tasks(id, SuperviseOverdue.KEY)).hasSize(1);

    // when a week later the reply is still missing
    Job nextWeek = driver.job(id, "Timer_ReplyOverdue");
    assertThat(nextWeek.getDuedate()).isEqualTo(ProcessDriver.endOf(LocalDate.of(2026, 10, 15)));
    driver.fire(nextWeek);

    // then the second repetition is raised
    assertThat(alerts(id)).extracting(a -> a.get("repetition")).containsExactly(0, 1);
    assertThat(driver.tasks(id, SuperviseOverdue.KEY)).hasSize(2);

    // and the supervisor records what was done
    driver.complete("gov-clerk", driver.tasks(id, SuperviseOverdue.KEY).get(0),
        Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), "已电话督促县委政法委，要求本周内答复"));
    assertThat(timelineDetails(id, "SUPERVISED")).containsExactly("已电话督促县委政法委，要求本周内答复");

    // when the reply is finally signed off, the weekly escalation stops
    walk.draft(id, "zfw", "A", null);
    walk.signOff(id, "zfw", "APPROVE");
    assertThat(driver.jobs(id, "Timer_ReplyOverdue")).isEmpty();
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.AWAITING_FEEDBACK);
  }

  @Test
  void shouldAlsoEscalateKeyProposalToCongressOffice() {
    driver.today(LocalDate.of(2026, 7, 1));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于加快建设县医院新院区的建议");
    walk.review(id, "ACCEPT", "KEY");
    walk.assign(id, "wjj");
    walk.accept(id, "wjj");

    driver.fire(id, "Timer_ReplyOverdue");

    assertThat(alerts(id)).singleElement().satisfies(alert ->
        assertThat(alert.get("recipients")).isEqualTo("gov-office,congress-office"));
    Task supervision = driver.task(id, SuperviseOverdue.KEY);
    assertThat(candidateGroups(supervision)).containsExactlyInAnyOrder("gov-office", "congress-office");
    driver.complete("congress-clerk", supervision, Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), "人大常委会办公室发出督办函"));
    assertThat(driver.tasks(id, SuperviseOverdue.KEY)).isEmpty();
  }

  @Test
  void shouldRaiseAnAlertOnceWhenTwoNodesRaiseItAtTheSameMoment() throws Exception {
    // given a proposal and an alert two nodes try to raise in their own transactions at once
    driver.today(LocalDate.of(2026, 7, 1));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于两个节点同时预警的建议");
    NewAlert alert = new NewAlert(id, AlertKind.REPLY_OVERDUE, "zfw", LocalDate.of(2026, 10, 8), 0,
        List.of("gov-office"), "超期");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> raised = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        raised.add(nodes.submit(() -> transaction.execute(status -> {
          await(start);
          return alertService.raise(alert);
        })));
      }
      // then exactly one of them raised it
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> result : raised) {
        results.add(result.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).containsExactlyInAnyOrder(true, false);
      assertThat(alerts(id)).hasSize(1);
    } finally {
      nodes.shutdownNow();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
