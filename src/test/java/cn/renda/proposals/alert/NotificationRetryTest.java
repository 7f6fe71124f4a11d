package cn.renda.proposals.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.renda.proposals.platform.DeliveryWorker;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.Outbox.Delivery;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.TestMailServer.Received;
import cn.renda.proposals.support.TestWebhookReceiver;
import cn.renda.proposals.support.Walk;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery survives an unreachable mail server or webhook: it stays pending, is retried with back-off, becomes an
 * incident on the proposal's process instance after the last attempt, and is sent exactly once in the end.
 */
@IntegrationTest
class NotificationRetryTest {

  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired Outbox outbox;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired DeliveryWorker worker;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void restore() {
    TestMailServer.start();
    TestWebhookReceiver.answerWith(204);
    driver.resetClock();
  }

  @Test
  void shouldKeepTheMailPendingWhileTheServerIsDownAndSendItOnceItIsBack() {
    // given an accepted suggestion and a mail server that is down
    driver.today(LocalDate.of(2026, 3, 2));
    String id = accepted("关于改善城乡公交换乘条件的建议");
    TestMailServer.stop();

    // when it is assigned and the delivery job runs
    walk.assign(id, "mzj");
    Delivery delivery = outbox.delivery(id, "ASSIGNED", "MAIL");
    assertThatThrownBy(() -> management.executeJob(delivery.jobId()))
        .hasStackTraceContaining("Mail server connection failed");

    // then the delivery stays pending with the reason, and the next attempt waits a minute (the first back-off)
    Delivery failed = outbox.delivery(id, "ASSIGNED", "MAIL");
    assertThat(failed.status()).isEqualTo("PENDING");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("Mail server connection failed");
    Job job = outbox.job(failed);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getDuedate()).isEqualTo(new Date(clockMillis() + Duration.ofMinutes(1).toMillis()));

    // when the server is back and the job runs again
    TestMailServer.start();
    management.executeJob(job.getId());

    // then the mail arrives once
    assertThat(TestMailServer.about(id)).extracting(Received::mailbox).containsExactly("mzj-handler@demo.example");
    Delivery sent = outbox.delivery(id, "ASSIGNED", "MAIL");
    assertThat(sent.status()).isEqualTo("SENT");
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(outbox.job(sent)).isNull();
  }

  @Test
  void shouldRaiseAnIncidentOnTheProposalAfterTheLastAttemptAndSendWhenRetried() {
    // given an assignment whose mail cannot be sent
    String id = accepted("关于加强农村饮用水源保护的建议");
    TestMailServer.stop();
    walk.assign(id, "zjj");
    Delivery delivery = outbox.delivery(id, "ASSIGNED", "MAIL");

    // when every attempt fails (six: the first and one after each of the five back-off intervals)
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThat(runtime.createIncidentQuery().processInstanceId(processInstance(id)).count()).isZero();
      assertThatThrownBy(() -> management.executeJob(delivery.jobId())).isNotNull();
    }

    // then the job is an incident on the proposal's process instance (Cockpit), and the delivery shows it failed
    assertThat(outbox.job(delivery).getRetries()).isZero();
    Incident incident = runtime.createIncidentQuery().processInstanceId(processInstance(id)).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getConfiguration()).isEqualTo(delivery.jobId());
    assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
    assertThat(management.createJobQuery().jobId(delivery.jobId()).withException().singleResult()).isNotNull();
    Delivery failed = outbox.delivery(id, "ASSIGNED", "MAIL");
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.attempts()).isEqualTo(6);
    assertThat(TestMailServer.about(id)).isEmpty();

    // when an operator retries it in Cockpit once the server is back
    TestMailServer.start();
    management.setJobRetries(delivery.jobId(), 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(processInstance(id)).count()).isZero();
    assertThat(outbox.delivery(id, "ASSIGNED", "MAIL").status()).isEqualTo("PENDING");
    management.executeJob(delivery.jobId());

    // then it arrives once
    assertThat(TestMailServer.about(id)).extracting(Received::mailbox).containsExactly("zjj-handler@demo.example");
    assertThat(outbox.delivery(id, "ASSIGNED", "MAIL").status()).isEqualTo("SENT");
  }

  @Test
  void shouldRetryAFailingWebhookAndPostItOnceItAnswers() {
    // given 县海洋与渔业局's messaging system answers 503
    String id = accepted("关于建设渔港避风锚地的建议");
    TestWebhookReceiver.answerWith(503);
    walk.assign(id, "hyj");
    Delivery webhook = outbox.delivery(id, "ASSIGNED", "WEBHOOK");

    // when the webhook job runs, it fails and waits
    assertThatThrownBy(() -> management.executeJob(webhook.jobId())).hasStackTraceContaining("answered HTTP 503");
    assertThat(outbox.delivery(id, "ASSIGNED", "WEBHOOK").status()).isEqualTo("PENDING");

    // when it runs again after the system is back
    TestWebhookReceiver.answerWith(204);
    management.executeJob(webhook.jobId());

    // then it was posted twice (refused, accepted) and counts as sent; the mail went its own way once
    assertThat(TestWebhookReceiver.calls()).filteredOn(call -> call.body().contains(id)).hasSize(2)
        .extracting(call -> call.notificationId()).containsOnly(webhook.notificationId());
    assertThat(outbox.delivery(id, "ASSIGNED", "WEBHOOK").status()).isEqualTo("SENT");
    outbox.deliver(id);
    assertThat(TestMailServer.about(id)).hasSize(1);
  }

  @Test
  void shouldSendOnceWhenTwoNodesDeliverTheSameNotificationAtTheSameMoment() throws Exception {
    // given a pending assignment mail
    String id = accepted("关于推进城镇老旧小区改造的建议");
    walk.assign(id, "zjj");
    Delivery delivery = outbox.delivery(id, "ASSIGNED", "MAIL");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstSent = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      // when one node has sent it and not yet committed, and a second node starts delivering it
      Future<?> first = nodes.submit(() -> transaction.executeWithoutResult(status -> {
        worker.deliver(delivery.id());
        firstSent.countDown();
        awaitLatch(commitFirst);
      }));
      assertThat(firstSent.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> second = nodes.submit(() -> transaction.executeWithoutResult(status -> worker.deliver(delivery.id())));

      // then the second waits for the first one's lock, and finds the delivery sent once the first commits
      await().atMost(Duration.ofSeconds(30)).until(this::sessionsWaitingForALock, waiting -> waiting > 0);
      assertThat(second.isDone()).isFalse();
      commitFirst.countDown();
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      commitFirst.countDown();
      nodes.shutdownNow();
    }
    assertThat(TestMailServer.about(id)).hasSize(1);
    Delivery sent = outbox.delivery(id, "ASSIGNED", "MAIL");
    assertThat(sent.status()).isEqualTo("SENT");
    assertThat(sent.attempts()).isEqualTo(1);

    // and its job, run late, completes without sending again
    management.executeJob(delivery.jobId());
    assertThat(TestMailServer.about(id)).hasSize(1);
    assertThat(outbox.job(delivery)).isNull();
  }

  @Test
  void shouldKeepNotificationsOfAnEndedProcessDeliverable() {
    // given a rejection ends the process in the same step that records its notification
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于调整县城停车收费标准的建议");
    TestMailServer.stop();
    walk.review(id, "REJECT", "NORMAL");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    Delivery delivery = outbox.delivery(id, "REJECTED", "MAIL");

    // when its attempts fail, the delivery still shows it (no instance left to carry an incident)
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThatThrownBy(() -> management.executeJob(delivery.jobId())).isNotNull();
    }
    assertThat(outbox.delivery(id, "REJECTED", "MAIL").status()).isEqualTo("FAILED");
    assertThat(management.createJobQuery().jobId(delivery.jobId()).noRetriesLeft().count()).isOne();

    // when retried once the server is back, the deputy is told
    TestMailServer.start();
    management.setJobRetries(delivery.jobId(), 1);
    management.executeJob(delivery.jobId());
    assertThat(TestMailServer.about(id)).extracting(Received::mailbox).containsExactly("maohongding@demo.example");
  }

  private String accepted(String title) {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), title);
    walk.review(id, "ACCEPT", "NORMAL");
    return id;
  }

  private String processInstance(String id) {
    return jdbc.sql("SELECT process_instance_id FROM proposal WHERE id = ?").param(id).query(String.class).single();
  }

  private long sessionsWaitingForALock() {
    return jdbc.sql("""
            SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()""")
        .query(Long.class)
        .single();
  }

  private static long clockMillis() {
    return ClockUtil.getCurrentTime().getTime();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
