package cn.renda.proposals.bench;

import static org.awaitility.Awaitility.await;

import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.process.SuperviseOverdue;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.TestNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figure 5 of the national-scale benchmark: {@code size} reply deadlines passing in the same minute, first on one node,
 * then on two nodes of one database (two applications in this JVM, job executors on, mail to an SMTP server in the
 * JVM). Twice {@code size} proposals are seeded waiting at 答复拟稿, half of them due one working day, half the next:
 * the first half's deadline passes with one node running, the second's with two.
 *
 * <p>The seed takes a shortcut through the first steps: each proposal is submitted as a deputy submits it, its record
 * is then written as review, assignment and acceptance leave it (DRAFTING, case number, lead agency, reply deadline),
 * and its instance is moved from 审查立案 to the reply's sub-process, which sets its deadline timers from the record as
 * the procedure does. What the burst runs — the reply-deadline timers, the escalation, the supervision tasks, the
 * notification outbox and its mails — is the product's own.
 */
final class DeadlineBurst {

  private static final List<String> AGENCIES = List.of("zfw", "sfj", "fy", "mzj", "xfj", "czj", "jyj", "wjj", "zjj");
  private static final Duration PATIENCE = Duration.ofMinutes(20);

  /**
   * One burst: when every alert and supervision task was recorded and every mail sent, seconds after the deadline, and
   * how busy the machine's processors were meanwhile (all of them, this JVM and the database alike).
   */
  private record Burst(double recorded, double sent, double busy) {}

  private DeadlineBurst() {}

  static List<NationalScale.Figure> figures(int size, List<String> log) throws Exception {
    TestMailServer.start();
    Map<String, String> settings = new HashMap<>(TestApplications.on(TestDatabases.create()));
    settings.putAll(TestNotifications.properties());
    settings.put("camunda.bpm.job-execution.enabled", "true");
    try (ConfigurableApplicationContext first = TestApplications.start(List.of("demo", "test"), settings)) {
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      String session = ProcessDriver.newSession();
      long start = System.nanoTime();
      seed(first, session, size);
      LocalDate[] days = dueDays(jdbc, session);
      log.add(String.format(Locale.ROOT, "deadline burst: seeded %,d proposals at 答复拟稿, due %s and %s, in %.0f s",
          2 * size, days[0], days[1], seconds(start)));

      // the reminders of both halves, a week or so earlier (not measured)
      Date reminders = jdbc.sql("SELECT MAX(j.duedate_) FROM act_ru_job j JOIN proposal p"
              + " ON p.process_instance_id = j.process_instance_id_ WHERE p.session_code = ?"
              + " AND j.job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_ReplyReminder')")
          .param(session).query(Date.class).single();
      if (!reminders.before(overdueDue(jdbc, session, days[0]))) {
        throw new IllegalStateException("the reminders of the second day fall due after the first day's deadline");
      }
      ClockUtil.setCurrentTime(new Date(reminders.getTime() + 1000));
      start = System.nanoTime();
      List<ConfigurableApplicationContext> one = List.of(first);
      wake(one);
      awaitCount(jdbc, "mail", session, "REMINDER", null, 2L * size);
      log.add(String.format(Locale.ROOT, "deadline burst: the %,d reminders before it sent in %.0f s", 2 * size,
          seconds(start)));

      Burst alone = burst(one, jdbc, session, days[0], size);
      try (ConfigurableApplicationContext second = TestApplications.start(List.of("demo", "test"), settings)) {
        Burst together = burst(List.of(first, second), jdbc, session, days[1], size);
        log.add(String.format(Locale.ROOT, "deadline burst of %,d: one node recorded in %.1f s, sent in %.1f s, the"
            + " processors %.0f%% busy; two nodes recorded in %.1f s, sent in %.1f s, the processors %.0f%% busy", size,
            alone.recorded(), alone.sent(), 100 * alone.busy(), together.recorded(), together.sent(),
            100 * together.busy()));
        log.add("deadline burst: overdue mails received by the SMTP server, each once: " + receivedOnce(jdbc, session));
        double speedUp = alone.sent() / together.sent();
        return List.of(
            new NationalScale.Figure("5. deadline burst of " + String.format(Locale.ROOT, "%,d", size)
                + ": recorded / sent, one node",
                String.format(Locale.ROOT, "%.0f s / %.0f s", alone.recorded(), alone.sent()), "≤ 60 s / ≤ 120 s",
                alone.recorded() <= 60 && alone.sent() <= 120),
            new NationalScale.Figure("5. deadline burst: two nodes against one",
                String.format(Locale.ROOT, "%.2f ×", speedUp), "≥ 1.6 ×", speedUp >= 1.6));
      }
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Twice {@code size} proposals waiting at 答复拟稿 of agencies in turn; the even ones due on the first day, the odd ones
   * on the next working day.
   */
  private static void seed(ConfigurableApplicationContext app, String session, int size) throws Exception {
    ProposalSubmission submission = app.getBean(ProposalSubmission.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    Parallel.each(2, 2 * size, i -> submission.submit(new NewProposal(ProposalKind.SUGGESTION, session,
        "关于改进第" + i + "项基层公共服务的建议", "建议内容", "maohongding", List.of()), "congress-clerk"));
    LocalDate firstDay = firstDueDay();
    String agencies = "(ARRAY['" + String.join("','", AGENCIES) + "'])[1 + s.g % " + AGENCIES.size() + "]";
    jdbc.sql("UPDATE proposal p SET status = 'DRAFTING', case_number = s.g, lead_agency = " + agencies + ","
        + " reply_issuer = " + agencies + ", first_assigned_at = CURRENT_TIMESTAMP, assigned_at = CURRENT_TIMESTAMP,"
        + " assignment_round = 1, reply_due = CASE WHEN s.g % 2 = 0 THEN :first ELSE :second END"
        + " FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS g FROM proposal WHERE session_code = :session) s"
        + " WHERE p.id = s.id")
        .param("first", firstDay)
        .param("second", firstDay.plusDays(1))
        .param("session", session)
        .update();
    jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by, assigned_at)"
        + " SELECT id, 1, lead_agency, 'LEAD', 0, 'gov-clerk', assigned_at FROM proposal WHERE session_code = ?")
        .param(session).update();
    List<Map<String, Object>> rows = jdbc.sql("SELECT process_instance_id, case_number, lead_agency FROM proposal"
        + " WHERE session_code = ? ORDER BY id").param(session).query().listOfRows();
    Parallel.each(2, rows.size(), i -> {
      Map<String, Object> row = rows.get(i);
      String instance = (String) row.get("process_instance_id");
      Map<String, Object> variables = new HashMap<>();
      variables.put(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT");
      variables.put(ProcessVariables.CASE_NUMBER.name(), row.get("case_number"));
      variables.put(AssignAgencies.LEAD_AGENCY.name(), row.get("lead_agency"));
      variables.put(AssignAgencies.REPLY_ISSUER.name(), row.get("lead_agency"));
      runtime.setVariables(instance, variables);
      runtime.createProcessInstanceModification(instance)
          .cancelAllForActivity(ReviewProposal.KEY)
          .startBeforeActivity("replyPreparation")
          .execute();
    });
  }

  /** A Monday to Thursday some 60 days ahead, so that the next day is a weekday too. */
  private static LocalDate firstDueDay() {
    LocalDate day = LocalDate.now(ProcessDriver.ZONE).plusDays(60);
    while (day.getDayOfWeek().getValue() > 4) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static LocalDate[] dueDays(JdbcClient jdbc, String session) {
    List<LocalDate> days = jdbc.sql("SELECT DISTINCT reply_due FROM proposal WHERE session_code = ? ORDER BY 1")
        .param(session).query(LocalDate.class).list();
    if (days.size() != 2) {
      throw new IllegalStateException("expected two reply deadlines, found " + days);
    }
    return days.toArray(LocalDate[]::new);
  }

  /**
   * Moves the clock just past the end of the day's reply deadline, wakes the nodes' job executors, and waits for every
   * alert and supervision task (recorded) and every overdue mail (sent).
   */
  private static Burst burst(List<ConfigurableApplicationContext> nodes, JdbcClient jdbc, String session,
      LocalDate day, int size) {
    // The seed and the reminders wrote tens of thousands of rows within minutes; on a database that has been running
    // for weeks before such a day, autovacuum has long given PostgreSQL their statistics. Without them it planned the
    // job executor's acquisition and this method's own progress count as if the tables were empty (nested loops over
    // 24,000 rows, over a second per count every half second), and the figure measured that instead of the burst.
    jdbc.sql("VACUUM (ANALYZE)").update();
    ClockUtil.setCurrentTime(new Date(overdueDue(jdbc, session, day).getTime() + 30_000));
    long[] cpuBefore = cpu();
    long start = System.nanoTime();
    wake(nodes);
    awaitCount(jdbc, "recorded", session, null, day, 2L * size);
    double recorded = seconds(start);
    awaitCount(jdbc, "mail", session, "OVERDUE", day, size);
    double sent = seconds(start);
    long[] cpuAfter = cpu();
    double busy = 1 - (cpuAfter[1] - cpuBefore[1]) / (double) (cpuAfter[0] - cpuBefore[0]);
    long alerts = count(jdbc, "alerts", session, null, day);
    long tasks = count(jdbc, "tasks", session, null, day);
    long mails = count(jdbc, "mail", session, "OVERDUE", day);
    if (alerts != size || tasks != size || mails != size) {
      throw new IllegalStateException("not exactly once: " + alerts + " alerts, " + tasks + " supervision tasks, "
          + mails + " mails for " + size + " deadlines");
    }
    return new Burst(recorded, sent, busy);
  }

  /** When the reply-deadline timers of the proposals due that day fall due (the end of the day). */
  private static Date overdueDue(JdbcClient jdbc, String session, LocalDate day) {
    return jdbc.sql("SELECT MAX(j.duedate_) FROM act_ru_job j JOIN proposal p"
            + " ON p.process_instance_id = j.process_instance_id_ WHERE p.session_code = ? AND p.reply_due = ?"
            + " AND j.job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_ReplyOverdue')")
        .params(session, day).query(Date.class).single();
  }

  /**
   * The overdue notifications of the session received by the SMTP server; fails unless each reached each of its
   * mailboxes exactly once.
   */
  private static long receivedOnce(JdbcClient jdbc, String session) {
    Set<String> overdue = new HashSet<>(jdbc.sql("SELECT n.id FROM notification n JOIN proposal p"
        + " ON p.id = n.proposal_id WHERE p.session_code = ? AND n.kind = 'OVERDUE'").param(session)
        .query(String.class).list());
    Map<String, Long> copies = new HashMap<>();
    for (TestMailServer.Received mail : TestMailServer.received()) {
      if (overdue.contains(mail.notificationId())) {
        copies.merge(mail.mailbox() + " " + mail.notificationId(), 1L, Long::sum);
      }
    }
    if (copies.values().stream().anyMatch(n -> n != 1)) {
      throw new IllegalStateException("a mailbox received an overdue notification more than once");
    }
    long notifications = copies.keySet().stream().map(key -> key.substring(key.indexOf(' ') + 1)).distinct().count();
    if (notifications != overdue.size()) {
      throw new IllegalStateException(notifications + " of " + overdue.size() + " overdue notifications received");
    }
    return notifications;
  }

  private static void awaitCount(JdbcClient jdbc, String what, String session, String kind, LocalDate day,
      long expected) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
        .until(() -> count(jdbc, what, session, kind, day) >= expected);
  }

  /** Alerts and supervision tasks ({@code recorded}: both), or mails of a kind sent, about the session's proposals. */
  private static long count(JdbcClient jdbc, String what, String session, String kind, LocalDate day) {
    String proposals = "SELECT id FROM proposal WHERE session_code = :session"
        + (day == null ? "" : " AND reply_due = :day");
    String alerts = "SELECT COUNT(*) FROM alert WHERE kind = 'REPLY_OVERDUE' AND proposal_id IN (" + proposals + ")";
    String tasks = "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + SuperviseOverdue.KEY + "'"
        + " AND proc_inst_id_ IN (SELECT process_instance_id FROM proposal WHERE session_code = :session"
        + (day == null ? "" : " AND reply_due = :day") + ")";
    String sql = switch (what) {
      case "alerts" -> alerts;
      case "tasks" -> tasks;
      case "recorded" -> "SELECT (" + alerts + ") + (" + tasks + ")";
      default -> "SELECT COUNT(*) FROM notification_delivery d JOIN notification n ON n.id = d.notification_id"
          + " WHERE n.kind = :kind AND d.channel = 'MAIL' AND d.status = 'SENT' AND n.proposal_id IN (" + proposals
          + ")";
    };
    var statement = jdbc.sql(sql).param("session", session);
    if (day != null) {
      statement = statement.param("day", day);
    }
    if (what.equals("mail")) {
      statement = statement.param("kind", kind);
    }
    return statement.query(Long.class).single();
  }

  /** The machine's processor time so far, all and idle (with I/O wait), in ticks of /proc/stat. */
  private static long[] cpu() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void wake(List<ConfigurableApplicationContext> nodes) {
    for (ConfigurableApplicationContext node : nodes) {
      ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
          .getJobExecutor().jobWasAdded();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
