package cn.renda.proposals.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.TestNotifications;
import cn.renda.proposals.support.Walk;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reply-deadline burst: N proposals (default 1,000) assigned on the same day, so that their reminders and then
 * their reply deadlines all fall due at once. Prints how many alerts, notifications and mails each burst produced and
 * how long it took until the last mail was accepted by the SMTP server (GreenMail in this JVM), with the job
 * executor's default settings, on embedded PostgreSQL.
 *
 * <p>Not part of the build's test run (the name does not end in {@code Test}). Run it with
 *
 * <pre>./mvnw -B test -Dtest=NotificationBurstBenchmark [-Dburst.size=1000]</pre>
 */
class NotificationBurstBenchmark {

  private static final List<String> AGENCIES = List.of("zfw", "sfj", "fy", "mzj", "xfj", "czj", "jyj", "wjj", "zjj");
  private static final LocalDate ASSIGNED = LocalDate.of(2026, 7, 1);
  private static final Duration PATIENCE = Duration.ofMinutes(30);

  @Test
  void replyDeadlineBurst() throws Exception {
    int size = Integer.getInteger("burst.size", 1000);
    Map<String, String> settings = new HashMap<>(TestApplications.on(TestDatabases.create()));
    settings.putAll(TestNotifications.properties());
    settings.put("camunda.bpm.job-execution.enabled", "true");
    TestMailServer.start();
    List<String> report = new ArrayList<>();
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("demo", "test"), settings)) {
      Walk walk = app.getBean(Walk.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      ProcessEngineConfigurationImpl engine =
          (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
      walk.driver().today(ASSIGNED);

      // set-up: N proposals drafting, reply due 2026-10-08 (their assignment mails go out meanwhile)
      long setupStart = System.nanoTime();
      List<String> ids = drafting(walk, size);
      Phase assignment = waitForMails(jdbc, ids, "ASSIGNED", size, setupStart);
      report.add(String.format("set-up: %d proposals submitted, accepted, assigned and signed for in %.1f s",
          size, seconds(setupStart, System.nanoTime())));
      report.add(assignment.describe("assignment (交办通知), sent while the set-up went on"));

      // burst 1: every reminder falls due at once (7 days before the deadline, 2026-10-01 09:00)
      walk.driver().at(LocalDate.of(2026, 10, 1), LocalTime.of(9, 0, 30));
      long remindersStart = System.nanoTime();
      engine.getJobExecutor().jobWasAdded();
      Phase reminders = waitForMails(jdbc, ids, "REMINDER", size, remindersStart);
      report.add(reminders.describe("reminder burst (答复期限提醒) to the agencies"));

      // burst 2: every reply deadline passes at once (end of 2026-10-08)
      walk.driver().at(LocalDate.of(2026, 10, 9), LocalTime.of(0, 0, 30));
      long deadlineStart = System.nanoTime();
      engine.getJobExecutor().jobWasAdded();
      Phase overdue = waitForMails(jdbc, ids, "OVERDUE", size, deadlineStart);
      report.add(overdue.describe("reply-deadline burst (答复超期预警) to the government office"));

      long supervisionTasks = app.getBean(ProcessEngine.class).getTaskService().createTaskQuery()
          .taskDefinitionKey("superviseOverdue").count();
      report.add("supervision tasks (超期督办) created: " + supervisionTasks);
      Set<String> proposals = Set.copyOf(ids);
      long received = TestMailServer.received().stream().filter(mail -> proposals.contains(mail.proposalId())).count();
      report.add("mails received by the SMTP server for these proposals: " + received);
      report.add("delivery attempts that failed: " + jdbc.sql(
          "SELECT COALESCE(SUM(attempts), 0) - COUNT(*) FROM notification_delivery WHERE status = 'SENT'")
          .query(Long.class).single());

      assertThat(reminders.mails()).isEqualTo(size);
      assertThat(overdue.mails()).isEqualTo(size);
      assertThat(received).isEqualTo(3L * size);
    } finally {
      ClockUtil.reset();
      System.out.println();
      System.out.println("=== Notification burst benchmark (" + size + " proposals, job executor defaults) ===");
      report.forEach(line -> System.out.println("  " + line));
      System.out.println();
    }
  }

  private static List<String> drafting(Walk walk, int size) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String agency = AGENCIES.get(i % AGENCIES.size());
        futures.add(pool.submit(() -> {
          String id = walk.driver().submitSuggestion(ProcessDriver.newSession(), "关于改进基层公共服务的建议");
          walk.review(id, "ACCEPT", "NORMAL");
          walk.assign(id, agency);
          walk.accept(id, agency);
          return id;
        }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> future : futures) {
        ids.add(future.get(10, TimeUnit.MINUTES));
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What one burst produced, and when it was done. */
  private record Phase(long notifications, long mails, double recordedAfter, double sentAfter) {
    String describe(String what) {
      return String.format("%s: %d notifications, %d mails; all recorded after %.1f s, all sent after %.1f s "
          + "(%.0f mails/s)", what, notifications, mails, recordedAfter, sentAfter, mails / Math.max(sentAfter, 0.001));
    }
  }

  /** Waits for the mails of one kind about the benchmark's own proposals (the demo data has deadlines of its own). */
  private static Phase waitForMails(JdbcClient jdbc, List<String> ids, String kind, int expected, long start) {
    double[] recordedAfter = {-1};
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
      if (recordedAfter[0] < 0 && notifications(jdbc, ids, kind) >= expected) {
        recordedAfter[0] = seconds(start, System.nanoTime());
      }
      return sentMails(jdbc, ids, kind) >= expected;
    });
    double sentAfter = seconds(start, System.nanoTime());
    return new Phase(notifications(jdbc, ids, kind), sentMails(jdbc, ids, kind),
        recordedAfter[0] < 0 ? sentAfter : recordedAfter[0], sentAfter);
  }

  private static long notifications(JdbcClient jdbc, List<String> ids, String kind) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = :kind AND proposal_id IN (:ids)")
        .param("kind", kind)
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  private static long sentMails(JdbcClient jdbc, List<String> ids, String kind) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            WHERE n.kind = :kind AND n.proposal_id IN (:ids) AND d.channel = 'MAIL' AND d.status = 'SENT'""")
        .param("kind", kind)
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }
}
