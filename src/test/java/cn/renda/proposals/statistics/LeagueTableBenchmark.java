package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.HandlingFacts;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The league table over N closed proposals (default 100,000) of one session, with realistic parts: every proposal
 * has its assignment, a delivered letter, feedback and its evaluation; a third have a co-agency with its opinion, one
 * in ten was rehandled, one in eight asked for an extension, one in twenty-five was disputed first, B promises kept
 * and open. The rows are written straight into the record's tables (PostgreSQL's generate_series): driving 100,000
 * proposals through the engine would take hours and measure the engine, not the query. Prints how long the league
 * table takes in the service and over HTTP (with JSON), and the trend, a drill-down and the Excel export, each the
 * best and the median of 10 runs after 3 warm-up runs, on embedded PostgreSQL.
 *
 * <p>Not part of the build's test run (the name does not end in {@code Test}). Run it with
 *
 * <pre>./mvnw -B test -Dtest=LeagueTableBenchmark [-Dbenchmark.size=100000]</pre>
 */
class LeagueTableBenchmark {

  private static final String SESSION = "2025";
  private static final String AGENCIES =
      "(ARRAY['zfw','sfj','fy','mzj','xfj','zfb','czj','jyj','jtj','wjj','hyj','zjj'])";

  @Test
  void leagueTableOverClosedProposals() throws Exception {
    int size = Integer.getInteger("benchmark.size", 100_000);
    Map<String, String> settings = new HashMap<>(TestApplications.on(TestDatabases.create()));
    List<String> report = new ArrayList<>();
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("demo", "test"), settings)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      long start = System.nanoTime();
      seed(jdbc, size);
      app.getBean(HandlingFacts.class).refreshAll();
      jdbc.sql("ANALYZE").update();
      report.add(String.format("seeded %,d closed proposals of session %s in %.1f s (%,d rows in all)", size, SESSION,
          (System.nanoTime() - start) / 1e9, rows(jdbc)));

      ProcessDriver driver = app.getBean(ProcessDriver.class);
      driver.today(LocalDate.of(2026, 3, 20));
      HandlingStatistics statistics = app.getBean(HandlingStatistics.class);
      ExcelExport excel = app.getBean(ExcelExport.class);
      CurrentUser office = new CurrentUser("gov-clerk", List.of("gov-office"));
      StatisticsQuery query = new StatisticsQuery(SESSION, null, null, null, null);
      LeagueTable table = statistics.table(office, query);
      assertThat(table.county().get("assigned").longValue()).isEqualTo(size);
      assertThat(table.agencies()).hasSize(12);

      String port = app.getEnvironment().getProperty("local.server.port");
      Http http = Http.as("http://localhost:" + port, "gov-clerk", "demo");
      report.add(time("league table (HandlingStatistics.table)", () -> statistics.table(office, query)));
      report.add(time("league table over HTTP (GET /api/statistics/agencies, JSON)",
          () -> http.get("/api/statistics/agencies?session=" + SESSION).status()));
      report.add(time("league table of the key proposals only (priority=KEY)",
          () -> statistics.table(office, new StatisticsQuery(SESSION, null,
              cn.renda.proposals.proposal.Priority.KEY, null, null))));
      report.add(time("monthly trend of the county (GET /api/statistics/trend)",
          () -> http.get("/api/statistics/trend?session=" + SESSION).status()));
      report.add(time("drill-down: one agency's replies, first 1,000 of ~" + size / 12,
          () -> http.get("/api/statistics/proposals?session=" + SESSION + "&agency=zfw&figure=replied").status()));
      report.add(time("Excel export (GET /api/statistics/agencies.xlsx, built in the service)", () -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
          excel.write(statistics.table(office, query), out);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        return out.size();
      }));
      driver.resetClock();
    }
    System.out.println("League table benchmark (" + Runtime.getRuntime().availableProcessors() + " cores):");
    report.forEach(line -> System.out.println("  " + line));
  }

  private static String time(String what, Supplier<Object> call) {
    for (int i = 0; i < 3; i++) {
      call.get();
    }
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      call.get();
      runs.add((System.nanoTime() - start) / 1_000_000);
    }
    runs.sort(null);
    return String.format("%s: best %d ms, median %d ms, worst %d ms", what, runs.get(0), runs.get(5), runs.get(9));
  }

  private static long rows(JdbcClient jdbc) {
    long rows = 0;
    for (String table : List.of("proposal", "proposal_agency", "reply", "feedback", "co_opinion",
        "extension_request", "progress_report")) {
      rows += jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
    return rows;
  }

  /**
   * N closed proposals: assigned over the 60 days from 2025-03-03, replied 20–109 days later against a deadline 92
   * days after assignment (30 more with an approved extension), with feedback, classification and evaluation drawn
   * from the proposal's number.
   */
  private static void seed(JdbcClient jdbc, int size) {
    String agency = AGENCIES + "[1 + g % 12]";
    String otherAgency = AGENCIES + "[1 + (g + 5) % 12]";
    String assigned = "(TIMESTAMP WITH TIME ZONE '2025-03-03 02:00:00+00' + (g % 60) * INTERVAL '1 day')";
    String assignedDay = "(DATE '2025-03-03' + (g % 60))";
    String replied = "(" + assignedDay + " + 20 + (g * 7) % 90)";
    String due = "(" + assignedDay + " + 92 + CASE WHEN g % 16 = 0 THEN 30 ELSE 0 END)";
    String disputed = "(g % 25 = 0)";
    jdbc.sql("INSERT INTO proposal (id, session_code, kind, submitted_kind, case_number, title, content, priority,"
        + " status, lead_deputy, submitted_by, submitted_at, reviewed_at, first_assigned_at, first_assigned_on,"
        + " assigned_at, lead_agency, reply_issuer, reply_due, co_opinion_due, assignment_round, rehandling_round,"
        + " replied_at, satisfaction, final_classification, evaluation_comment, closed_at, publishable,"
        + " process_instance_id)"
        + " SELECT 'b-' || g, '" + SESSION + "', CASE WHEN g % 10 = 0 THEN 'MOTION' ELSE 'SUGGESTION' END,"
        + " CASE WHEN g % 10 = 0 THEN 'MOTION' ELSE 'SUGGESTION' END, g, '关于第' || g || '号事项的建议', '内容',"
        + " CASE WHEN g % 7 = 0 THEN 'KEY' ELSE 'NORMAL' END, 'CLOSED', 'maohongding', 'congress-clerk',"
        + assigned + " - INTERVAL '20 days', " + assigned + " - INTERVAL '10 days', " + assigned + ", " + assignedDay
        + ", " + assigned + ", " + agency + ", " + agency + ", " + due + " + CASE WHEN g % 10 = 3 THEN 60 ELSE 0 END, "
        + assignedDay + " + 30, CASE WHEN " + disputed + " THEN 2 ELSE 1 END, CASE WHEN g % 10 = 3 THEN 1 ELSE 0 END,"
        + " " + replied + " + INTERVAL '10 hours', (ARRAY['SATISFIED','SATISFIED','BASICALLY_SATISFIED',"
        + "'NO_RESPONSE','SATISFIED'])[1 + g % 5], CASE WHEN g % 10 IN (0, 1, 2, 5) THEN 'A' WHEN g % 10 IN (3, 4)"
        + " THEN 'C' WHEN g % 10 = 6 THEN 'B' ELSE 'D' END, '办理认真', " + replied + " + INTERVAL '20 days',"
        + " FALSE, NULL FROM generate_series(1, " + size + ") g").update();
    // statistics now, or the foreign keys of the rows below are checked against a table believed empty
    jdbc.sql("ANALYZE proposal").update();
    jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by,"
        + " assigned_at) SELECT 'b-' || g, CASE WHEN " + disputed + " THEN 2 ELSE 1 END, " + agency + ", 'LEAD', 0,"
        + " 'gov-clerk', " + assigned + " FROM generate_series(1, " + size + ") g").update();
    jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by,"
        + " assigned_at) SELECT 'b-' || g, 1, " + otherAgency + ", 'LEAD', 0, 'gov-clerk', " + assigned
        + " FROM generate_series(1, " + size + ") g WHERE " + disputed).update();
    jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by,"
        + " assigned_at) SELECT 'b-' || g, CASE WHEN " + disputed + " THEN 2 ELSE 1 END, "
        + AGENCIES + "[1 + (g + 3) % 12], 'CO', 1, 'gov-clerk', " + assigned
        + " FROM generate_series(1, " + size + ") g WHERE g % 3 = 0").update();
    jdbc.sql("INSERT INTO co_opinion (id, proposal_id, round, agency_code, text, status, due, submitted_by,"
        + " submitted_at) SELECT 'o-' || g, 'b-' || g, CASE WHEN " + disputed + " THEN 2 ELSE 1 END, "
        + AGENCIES + "[1 + (g + 3) % 12], CASE WHEN g % 9 = 0 THEN NULL ELSE '同意' END,"
        + " CASE WHEN g % 9 = 0 THEN 'LATE' ELSE 'SUBMITTED' END, " + assignedDay + " + 30,"
        + " CASE WHEN g % 9 = 0 THEN NULL ELSE 'co-handler' END,"
        + " CASE WHEN g % 9 = 0 THEN NULL ELSE " + assigned + " + INTERVAL '10 days' END"
        + " FROM generate_series(1, " + size + ") g WHERE g % 3 = 0").update();
    for (int round = 0; round <= 1; round++) {
      String delivered = round == 0 ? replied : replied + " + 25";
      String deadline = round == 0 ? due : replied + " + 35";
      jdbc.sql("INSERT INTO reply (id, proposal_id, version, rehandling_round, agency_code, issuer_code, text,"
          + " classification, communication_method, publishable, drafted_by, drafted_at, status, signed_by,"
          + " signed_at, reply_date, deadline) SELECT 'r" + round + "-' || g, 'b-' || g, " + (round + 1) + ", "
          + round + ", " + agency + ", " + agency + ", '答复', CASE WHEN g % 10 IN (0, 1, 2) THEN 'A'"
          + " WHEN g % 10 IN (5, 6) THEN 'B' WHEN g % 10 IN (3, 4) THEN 'C' ELSE 'D' END,"
          + " (ARRAY['FACE_TO_FACE','MEETING','VISIT','PHONE','WRITTEN'])[1 + g % 5], FALSE, 'handler', "
          + delivered + " + INTERVAL '9 hours', 'APPROVED', 'leader', " + delivered + " + INTERVAL '10 hours', "
          + delivered + ", " + deadline + " FROM generate_series(1, " + size + ") g"
          + (round == 0 ? "" : " WHERE g % 10 = 3")).update();
    }
    jdbc.sql("INSERT INTO feedback (id, proposal_id, round, satisfaction, given_by, given_at) SELECT 'f0-' || g,"
        + " 'b-' || g, 0, CASE WHEN g % 10 = 3 THEN 'DISSATISFIED' ELSE (ARRAY['SATISFIED','SATISFIED',"
        + "'BASICALLY_SATISFIED','NO_RESPONSE','SATISFIED'])[1 + g % 5] END, 'maohongding', " + replied
        + " + INTERVAL '5 days' FROM generate_series(1, " + size + ") g").update();
    jdbc.sql("INSERT INTO feedback (id, proposal_id, round, satisfaction, given_by, given_at) SELECT 'f1-' || g,"
        + " 'b-' || g, 1, (ARRAY['SATISFIED','SATISFIED','BASICALLY_SATISFIED','NO_RESPONSE','SATISFIED'])"
        + "[1 + g % 5], 'maohongding', " + replied + " + INTERVAL '30 days' FROM generate_series(1, " + size
        + ") g WHERE g % 10 = 3").update();
    jdbc.sql("INSERT INTO extension_request (id, proposal_id, request_no, reason, requested_until, previous_due,"
        + " requested_by, requested_at, decision, decided_by, decided_at) SELECT 'x-' || g, 'b-' || g, 1, '理由', "
        + assignedDay + " + 122, " + assignedDay + " + 92, 'handler', " + assigned + " + INTERVAL '60 days',"
        + " CASE WHEN g % 16 = 0 THEN 'APPROVE' ELSE 'REJECT' END, 'gov-clerk', " + assigned
        + " + INTERVAL '61 days' FROM generate_series(1, " + size + ") g WHERE g % 8 = 0").update();
    jdbc.sql("INSERT INTO progress_report (id, proposal_id, report, resolved, due, reported_by, reported_at)"
        + " SELECT 'pr-' || g, 'b-' || g, '已解决', TRUE, " + replied + " + 60, 'handler', " + replied
        + " + INTERVAL '59 days' FROM generate_series(1, " + size + ") g WHERE g % 10 = 5").update();
  }
}
