package cn.renda.proposals.bench;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.SuperviseOverdue;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.tasklist.TasklistFilters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national-scale figures of the README's "Benchmark at national scale": the data is seeded in-process, the figures
 * are measured through the interfaces people use, and each is printed beside its goal. Run at full size by
 * {@link NationalScaleBenchmark} ({@code ./mvnw -Pbench verify}); the suite runs it small
 * ({@link NationalScaleSmokeTest}) to keep it working.
 */
final class NationalScale {

  /** How much to seed and how often to measure. */
  record Sizes(int agencies, int proposals, int openTasks, int samples) {

    static Sizes fromSystemProperties() {
      return new Sizes(Integer.getInteger("bench.agencies", 213), Integer.getInteger("bench.proposals", 100_000),
          Integer.getInteger("bench.open-tasks", 10_000), Integer.getInteger("bench.samples", 100));
    }
  }

  /** One line of the table: a figure as measured, its goal, and whether it is met (null: not measured). */
  record Figure(String name, String measured, String goal, Boolean met) {

    static Figure notMeasured(String name, String goal) {
      return new Figure(name, "not measured yet", goal, null);
    }
  }

  /** The bare process whose user tasks fill the inboxes: an agency's 签收 or an office's 超期督办. */
  static final String INBOX_PROCESS = "nationalScaleInbox";

  private static final String SESSION = "bench";

  private NationalScale() {}

  static List<Figure> run(Sizes sizes, List<String> log) throws Exception {
    Map<String, String> settings = new HashMap<>(TestApplications.on(TestDatabases.create()));
    List<Figure> figures = new ArrayList<>();
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("demo", "test"), settings)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      List<String> codes = agencies(jdbc, sizes.agencies());

      long start = System.nanoTime();
      proposals(jdbc, codes, sizes.proposals());
      log.add(String.format(Locale.ROOT, "seeded %,d proposals over %d agencies in %.1f s", sizes.proposals(),
          codes.size(), seconds(start)));
      start = System.nanoTime();
      openTasks(app, codes, sizes.openTasks());
      log.add(String.format(Locale.ROOT, "started %,d open tasks in %.1f s", sizes.openTasks(), seconds(start)));
      jdbc.sql("ANALYZE").update();

      figures.add(Figure.notMeasured("1. lifecycle throughput against a bare chain", "≥ 0.5 ×"));
      figures.add(Figure.notMeasured("2. one completion through engine-rest, 8 clients, p95", "≤ 150 ms"));
      FilterService filters = app.getBean(FilterService.class);
      String engine = "/engine-rest/engine/" + app.getBean(ProcessEngine.class).getName();
      Http agency = Http.as(base, "zfw-handler", "demo");
      Http office = Http.as(base, "gov-clerk", "demo");
      figures.add(inbox("3. agency inbox 本单位待办 (15 and count), p95", agency, engine, filters, TasklistFilters.MY_UNIT,
          sizes.samples(), log));
      figures.add(inbox("3. office filter 督办 (15 and count), p95", office, engine, filters, TasklistFilters.SUPERVISION,
          sizes.samples(), log));
      figures.add(inbox("3. office filter 已超期 (15 and count), p95", office, engine, filters, TasklistFilters.OVERDUE,
          sizes.samples(), log));
      figures.add(list("4. GET /api/proposals, page of 20, office, p95", office, sizes.samples()));
      figures.add(list("4. GET /api/proposals, page of 20, agency, p95", agency, sizes.samples()));
      figures.add(Figure.notMeasured("5. deadline burst of 10,000: recorded / sent, one node", "≤ 60 s / ≤ 120 s"));
      figures.add(Figure.notMeasured("5. deadline burst: two nodes against one", "≥ 1.6 ×"));
      figures.add(Figure.notMeasured("6. database bytes per closed proposal beyond its texts", "≤ 100 KB"));
      figures.add(Figure.notMeasured("7. start-up to healthy against a bare Camunda app", "≤ 1.3 ×"));
      figures.add(Figure.notMeasured("7. resident memory after start-up against a bare Camunda app", "≤ 1.3 ×"));
    }
    return figures;
  }

  /** The table, one figure a line. */
  static List<String> table(List<Figure> figures) {
    List<String> lines = new ArrayList<>();
    String format = "%-62s %-22s %-18s %s";
    lines.add(String.format(Locale.ROOT, format, "figure", "measured", "goal", "result"));
    for (Figure figure : figures) {
      String result = figure.met() == null ? "—" : figure.met() ? "PASS" : "FAIL";
      lines.add(String.format(Locale.ROOT, format, figure.name(), figure.measured(), figure.goal(), result));
    }
    return lines;
  }

  // --- seeding ---------------------------------------------------------------------------------------------

  /** The configured agencies and as many more as it takes to have {@code count}; their codes. */
  private static List<String> agencies(JdbcClient jdbc, int count) {
    int existing = jdbc.sql("SELECT COUNT(*) FROM agency").query(Integer.class).single();
    for (int i = existing + 1; i <= count; i++) {
      jdbc.sql("INSERT INTO agency (code, name, active, sort_order) VALUES (?, ?, TRUE, ?)")
          .params(String.format(Locale.ROOT, "b%03d", i), "基准测试单位" + i, 1000 + i)
          .update();
    }
    return jdbc.sql("SELECT code FROM agency ORDER BY sort_order, code").query(String.class).list();
  }

  /**
   * Proposals of one session in every status after assignment, each with a lead agency of its own and a co-agency,
   * the newest submitted last: what the list of an office and of an agency pages through.
   */
  private static void proposals(JdbcClient jdbc, List<String> codes, int count) {
    String agencies = "(ARRAY['" + String.join("','", codes) + "'])";
    String lead = agencies + "[1 + g % " + codes.size() + "]";
    String co = agencies + "[1 + (g + 7) % " + codes.size() + "]";
    String submitted = "(TIMESTAMP WITH TIME ZONE '2025-01-10 02:00:00+00' + g * INTERVAL '1 minute')";
    jdbc.sql("INSERT INTO proposal (id, session_code, kind, submitted_kind, case_number, title, content, priority,"
        + " status, lead_deputy, lead_deputy_name, submitted_by, submitted_at, first_assigned_at, assigned_at,"
        + " lead_agency, reply_issuer, reply_due, assignment_round)"
        + " SELECT 'n-' || g, '" + SESSION + "', 'SUGGESTION', 'SUGGESTION', g, '关于第' || g || '号事项的建议',"
        + " '建议内容', CASE WHEN g % 9 = 0 THEN 'KEY' ELSE 'NORMAL' END,"
        + " (ARRAY['AWAITING_ACCEPTANCE','DRAFTING','SIGN_OFF','AWAITING_FEEDBACK','EVALUATION','CLOSED'])[1 + g % 6],"
        + " 'maohongding', '毛宏定', 'congress-clerk', " + submitted + ", " + submitted + " + INTERVAL '20 days', "
        + submitted + " + INTERVAL '20 days', " + lead + ", " + lead + ", DATE '2025-06-30' + g % 90, 1"
        + " FROM generate_series(1, " + count + ") g").update();
    jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by, assigned_at)"
        + " SELECT 'n-' || g, 1, " + lead + ", 'LEAD', 0, 'gov-clerk', " + submitted + " + INTERVAL '20 days'"
        + " FROM generate_series(1, " + count + ") g").update();
    jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by, assigned_at)"
        + " SELECT 'n-' || g, 1, " + co + ", 'CO', 1, 'gov-clerk', " + submitted + " + INTERVAL '20 days'"
        + " FROM generate_series(1, " + count + ") g WHERE g % 3 = 0").update();
  }

  /**
   * Open user tasks of a bare process, as the procedure leaves them: 签收 tasks of every agency (a fifth of them
   * overdue) and, one in twenty, 超期督办 tasks of the government office. They carry the procedure's task keys and
   * candidate groups, so the Tasklist filters and the engine's authorizations treat them as the procedure's own.
   */
  private static void openTasks(ConfigurableApplicationContext app, List<String> codes, int count) throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess(INBOX_PROCESS)
        .name("基准测试：待办任务")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway()
        .condition("agency", "${!office}")
        .userTask(AcceptAssignment.KEY).name("签收").camundaCandidateGroups("${group}").camundaDueDate("${due}")
        .endEvent()
        .moveToLastGateway()
        .condition("office", "${office}")
        .userTask(SuperviseOverdue.KEY).name("超期督办").camundaCandidateGroups("gov-office")
        .camundaDueDate("${due}")
        .endEvent()
        .done();
    app.getBean(RepositoryService.class).createDeployment().name("national-scale-benchmark")
        .addModelInstance(INBOX_PROCESS + ".bpmn", model).deploy();
    RuntimeService runtime = app.getBean(RuntimeService.class);
    Instant now = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        int first = worker;
        started.add(pool.submit(() -> {
          for (int i = first; i < count; i += 2) {
            boolean office = i % 20 == 0;
            Instant due = now.plus(i % 5 == 0 ? -3 : 10, ChronoUnit.DAYS);
            runtime.startProcessInstanceByKey(INBOX_PROCESS, Map.of("office", office,
                "group", "agency-" + codes.get(i % codes.size()), "due", Date.from(due)));
          }
        }));
      }
      for (Future<?> done : started) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- measuring -------------------------------------------------------------------------------------------

  /** A Tasklist refresh of one filter: its first 15 tasks (with what Tasklist embeds) and its count. */
  private static Figure inbox(String name, Http http, String engine, FilterService filters, String filterName,
      int samples, List<String> log) {
    String id = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    List<Long> times = sample(samples, () -> {
      Http.Answer list = http.get(engine + "/filter/" + id + "/list?firstResult=0&maxResults=15",
          "application/hal+json");
      Http.Answer count = http.get(engine + "/filter/" + id + "/count");
      if (list.status() != 200 || count.status() != 200) {
        throw new IllegalStateException(filterName + ": " + list.status() + " " + list.body() + " " + count.body());
      }
      return count.json().get("count").asLong();
    });
    // where the time goes: the list as Tasklist asks for it (HAL, with what it embeds), as plain JSON, the count
    String list = engine + "/filter/" + id + "/list?firstResult=0&maxResults=15";
    long hal = percentile(sample(samples / 2, () -> http.get(list, "application/hal+json").status()), 50);
    long json = percentile(sample(samples / 2, () -> http.get(list, "application/json").status()), 50);
    long count = percentile(sample(samples / 2, () -> http.get(engine + "/filter/" + id + "/count").status()), 50);
    log.add(String.format(Locale.ROOT, "%s: p50 of the list in HAL %.0f ms, in plain JSON %.0f ms, the count %.0f ms",
        filterName, hal / 1000.0, json / 1000.0, count / 1000.0));
    return within(name, times, 50);
  }

  private static Figure list(String name, Http http, int samples) {
    List<Long> times = sample(samples, () -> {
      Http.Answer page = http.get("/api/proposals?size=20");
      if (page.status() != 200) {
        throw new IllegalStateException(name + ": " + page.status());
      }
      return page.json().get("total").asLong();
    });
    return within(name, times, 100);
  }

  /** Times in microseconds of {@code samples} calls after a tenth as many (at least 3) to warm up. */
  private static List<Long> sample(int samples, Supplier<Object> call) {
    for (int i = 0; i < Math.max(3, samples / 10); i++) {
      call.get();
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      call.get();
      times.add((System.nanoTime() - start) / 1_000);
    }
    times.sort(null);
    return times;
  }

  private static Figure within(String name, List<Long> micros, long goalMillis) {
    double p50 = percentile(micros, 50) / 1000.0;
    double p95 = percentile(micros, 95) / 1000.0;
    return new Figure(name, String.format(Locale.ROOT, "%.0f ms (p50 %.0f)", p95, p50), "≤ " + goalMillis + " ms",
        p95 <= goalMillis);
  }

  static long percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double seconds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
  }
}
