package cn.renda.proposals.bench;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.SuperviseOverdue;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.support.WebappSession;
import cn.renda.proposals.tasklist.TasklistFilters;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
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
  record Sizes(int agencies, int proposals, int openTasks, int samples, int lifecycles, int burst, int startUps) {

    static Sizes fromSystemProperties() {
      return new Sizes(Integer.getInteger("bench.agencies", 213), Integer.getInteger("bench.proposals", 100_000),
          Integer.getInteger("bench.open-tasks", 10_000), Integer.getInteger("bench.samples", 100),
          Integer.getInteger("bench.lifecycles", 200), Integer.getInteger("bench.burst", 10_000),
          Integer.getInteger("bench.start-ups", 3));
    }
  }

  /** One line of the table: a figure as measured, its goal, and whether it is met. */
  record Figure(String name, String measured, String goal, boolean met) {}

  /** The bare process whose user tasks fill the inboxes: an agency's 签收 or an office's 超期督办. */
  static final String INBOX_PROCESS = "nationalScaleInbox";

  private static final String SESSION = "bench";

  private NationalScale() {}

  /** Every figure. */
  static List<Figure> run(Sizes sizes, List<String> log) throws Exception {
    return run(sizes, Set.of(1, 2, 3, 4, 5, 6, 7), log);
  }

  /** The figures of those numbers, e.g. {@code -Dbench.figures=3,5} while working on them. */
  static List<Figure> run(Sizes sizes, Set<Integer> wanted, List<String> log) throws Exception {
    List<Figure> figures = new ArrayList<>();
    if (wanted.stream().anyMatch(Set.of(1, 2, 3, 4, 6)::contains)) {
      figures.addAll(onSeededDatabase(sizes, wanted, log));
    }
    if (wanted.contains(5)) {
      figures.addAll(DeadlineBurst.figures(sizes.burst(), log));
    }
    if (wanted.contains(7)) {
      figures.addAll(StartUp.figures(sizes.startUps(), log));
    }
    figures.sort(java.util.Comparator.comparing(figure -> figure.name().substring(0, 2)));
    return figures;
  }

  static Set<Integer> wantedFromSystemProperties() {
    return Arrays.stream(System.getProperty("bench.figures", "1,2,3,4,5,6,7").split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .collect(Collectors.toSet());
  }

  /** Figures 1 to 4 and 6, on one application whose database holds the national-scale seed. */
  private static List<Figure> onSeededDatabase(Sizes sizes, Set<Integer> wanted, List<String> log) throws Exception {
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
      // as a database in service is: vacuumed and analysed, so that autovacuum does not start on the seed mid-figure
      jdbc.sql("VACUUM (ANALYZE)").update();

      if (wanted.contains(1)) {
        figures.add(Throughput.lifecycles(app, sizes.lifecycles(), log));
      }
      if (wanted.contains(2)) {
        figures.add(Throughput.restCompletions(app, base, sizes.samples(), log));
      }
      if (wanted.contains(3)) {
        FilterService filters = app.getBean(FilterService.class);
        String engineName = app.getBean(ProcessEngine.class).getName();
        figures.add(inbox("3. agency inbox 本单位待办 (15 and count), p95", base, "zfw-handler", engineName, filters,
            TasklistFilters.MY_UNIT, sizes.samples(), log));
        figures.add(inbox("3. office filter 督办 (15 and count), p95", base, "gov-clerk", engineName, filters,
            TasklistFilters.SUPERVISION, sizes.samples(), log));
        figures.add(inbox("3. office filter 已超期 (15 and count), p95", base, "gov-clerk", engineName, filters,
            TasklistFilters.OVERDUE, sizes.samples(), log));
      }
      if (wanted.contains(4)) {
        figures.add(list("4. GET /api/proposals, page of 20, office, p95", Http.as(base, "gov-clerk", "demo"),
            sizes.samples()));
        figures.add(list("4. GET /api/proposals, page of 20, agency, p95", Http.as(base, "zfw-handler", "demo"),
            sizes.samples()));
      }
      if (wanted.contains(6)) {
        figures.add(storage(app, sizes.lifecycles(), log));
      }
    }
    return figures;
  }

  /** The table, one figure a line. */
  static List<String> table(List<Figure> figures) {
    List<String> lines = new ArrayList<>();
    String format = "%-62s %-30s %-18s %s";
    lines.add(String.format(Locale.ROOT, format, "figure", "measured", "goal", "result"));
    for (Figure figure : figures) {
      String result = figure.met() ? "PASS" : "FAIL";
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
    Parallel.each(2, count, i -> {
      boolean office = i % 20 == 0;
      Instant due = now.plus(i % 5 == 0 ? -3 : 10, ChronoUnit.DAYS);
      runtime.startProcessInstanceByKey(INBOX_PROCESS, Map.of("office", office,
          "group", "agency-" + codes.get(i % codes.size()), "due", Date.from(due)));
    });
  }

  // --- measuring -------------------------------------------------------------------------------------------

  /** What Tasklist sends with a filter's list and count: its default sorting, active tasks. */
  private static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],"
      + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  /**
   * A Tasklist refresh of one filter as Tasklist makes it: logged in (a session, not a password on every request),
   * its first 15 tasks in HAL (with what Tasklist embeds) and its count, through the webapps' engine API. Where the
   * time goes is logged: the list in HAL and in plain JSON, the count, and the same refresh through engine-rest
   * with HTTP Basic, as another system would make it.
   */
  private static Figure inbox(String name, String base, String user, String engineName, FilterService filters,
      String filterName, int samples, List<String> log) {
    String id = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    WebappSession tasklist = new WebappSession(base, engineName);
    if (tasklist.login("tasklist", user, "demo") != 200) {
      throw new IllegalStateException(user + " cannot log into Tasklist");
    }
    // as Tasklist does after its login: who is logged in (the answer carries the new session's CSRF token)
    tasklist.get("/camunda/api/admin/auth/user/" + engineName);
    String filter = base + "/camunda/api/engine/engine/" + engineName + "/filter/" + id;
    Supplier<Object> list = () -> post(tasklist, filter + "/list?firstResult=0&maxResults=15", "application/hal+json");
    Supplier<Object> plain = () -> post(tasklist, filter + "/list?firstResult=0&maxResults=15", "application/json");
    Supplier<Object> count = () -> post(tasklist, filter + "/count", "application/json");
    List<Long> times = sample(samples, () -> {
      list.get();
      return count.get();
    });
    Http basic = Http.as(base, user, "demo");
    String rest = "/engine-rest/engine/" + engineName + "/filter/" + id;
    long overRest = percentile(sample(samples / 2, () -> {
      Http.Answer page = basic.get(rest + "/list?firstResult=0&maxResults=15", "application/hal+json");
      Http.Answer total = basic.get(rest + "/count");
      if (page.status() != 200 || total.status() != 200) {
        throw new IllegalStateException(filterName + " through engine-rest: " + page.status() + " " + total.status());
      }
      return total.body();
    }), 50);
    log.add(String.format(Locale.ROOT, "%s: p50 of the list in HAL %.0f ms, in plain JSON %.0f ms, the count %.0f ms;"
        + " list and count through engine-rest with HTTP Basic %.0f ms", filterName,
        percentile(sample(samples / 2, list), 50) / 1000.0, percentile(sample(samples / 2, plain), 50) / 1000.0,
        percentile(sample(samples / 2, count), 50) / 1000.0, overRest / 1000.0));
    return within(name, times, 50);
  }

  private static String post(WebappSession session, String url, String accept) {
    HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .header("X-XSRF-TOKEN", session.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_QUERY))
        .build());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + answer.statusCode() + " " + answer.body());
    }
    return answer.body();
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

  /**
   * Database bytes per closed proposal beyond its own texts: {@code count} proposals with a 1,000-character content and
   * reply taken through the whole procedure (a co-agency's opinion, sign-off, feedback, evaluation, every notification
   * delivered), the growth of every table and index, less the texts the record keeps. The tables that grew most are
   * logged.
   */
  private static Figure storage(ConfigurableApplicationContext app, int count, List<String> log) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    ProcessDriver driver = app.getBean(ProcessDriver.class);
    Walk walk = app.getBean(Walk.class);
    ProposalSubmission submission = app.getBean(ProposalSubmission.class);
    ManagementService management = app.getBean(ManagementService.class);
    String session = ProcessDriver.newSession();
    runDueJobs(management);
    Map<String, Long> before = tableBytes(jdbc);
    for (int i = 0; i < count; i++) {
      String id = submission.submit(new NewProposal(ProposalKind.SUGGESTION, session, "关于海岛交通的建议" + i,
          LONG_TEXT, "maohongding", List.of()), "congress-clerk");
      toTheEnd(walk, id);
      runDueJobs(management);
      // as autovacuum does in a running system: what an ended instance deleted from the runtime tables is reused
      jdbc.sql("VACUUM act_ru_variable, act_ru_execution, act_ru_task, act_ru_identitylink, act_ru_job,"
          + " act_ru_authorization, act_ru_event_subscr, act_ge_bytearray").update();
    }
    Map<String, Long> after = tableBytes(jdbc);
    long texts = jdbc.sql("SELECT COALESCE(SUM(OCTET_LENGTH(p.title) + OCTET_LENGTH(p.content)), 0)"
            + " + (SELECT COALESCE(SUM(OCTET_LENGTH(r.text)), 0) FROM reply r JOIN proposal q ON q.id = r.proposal_id"
            + " WHERE q.session_code = :session)"
            + " + (SELECT COALESCE(SUM(OCTET_LENGTH(o.text)), 0) FROM co_opinion o JOIN proposal q"
            + " ON q.id = o.proposal_id WHERE q.session_code = :session)"
            + " FROM proposal p WHERE p.session_code = :session")
        .param("session", session)
        .query(Long.class)
        .single();
    long closed = jdbc.sql("SELECT COUNT(*) FROM proposal WHERE session_code = ? AND status = 'CLOSED'")
        .param(session).query(Long.class).single();
    if (closed != count) {
      throw new IllegalStateException(closed + " of " + count + " proposals closed");
    }
    RuntimeService runtime = app.getBean(RuntimeService.class);
    Map<String, Long> waiting = new java.util.TreeMap<>();
    for (String id : jdbc.sql("SELECT id FROM proposal WHERE session_code = ?").param(session).query(String.class)
        .list()) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list().forEach(instance -> runtime
          .getActiveActivityIds(instance.getId()).forEach(activity -> waiting.merge(activity, 1L, Long::sum)));
    }
    log.add("storage: variables in history per proposal, bytes of value: " + jdbc.sql("SELECT v.name_,"
            + " SUM(COALESCE(OCTET_LENGTH(v.text_), 0) + COALESCE(OCTET_LENGTH(v.text2_), 0)) / :count AS bytes"
            + " FROM act_hi_varinst v WHERE v.proc_inst_id_ IN (SELECT process_instance_id FROM proposal"
            + " WHERE session_code = :session) GROUP BY v.name_ ORDER BY bytes DESC")
        .param("count", count).param("session", session)
        .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
        .list());
    log.add("storage: activity instances in history per proposal, by type: " + jdbc.sql("SELECT a.act_type_,"
            + " COUNT(*) * 1.0 / :count AS n FROM act_hi_actinst a WHERE a.proc_inst_id_ IN (SELECT"
            + " process_instance_id FROM proposal WHERE session_code = :session) GROUP BY a.act_type_ ORDER BY n DESC")
        .param("count", count).param("session", session)
        .query((rs, row) -> String.format(Locale.ROOT, "%s %.1f", rs.getString(1), rs.getDouble(2)))
        .list());
    Map<String, String> instanceColumns = new java.util.LinkedHashMap<>();
    instanceColumns.put("act_hi_detail", "proc_inst_id_");
    instanceColumns.put("act_hi_varinst", "proc_inst_id_");
    instanceColumns.put("act_hi_job_log", "process_instance_id_");
    instanceColumns.put("act_hi_op_log", "proc_inst_id_");
    instanceColumns.put("act_hi_taskinst", "proc_inst_id_");
    instanceColumns.put("act_hi_identitylink", "root_proc_inst_id_");
    List<String> rows = new ArrayList<>();
    instanceColumns.forEach((table, column) -> rows.add(table + " " + jdbc.sql("SELECT COUNT(*) FROM " + table
            + " WHERE " + column + " IN (SELECT process_instance_id FROM proposal WHERE session_code = ?)")
        .param(session).query(Long.class).single() / count));
    log.add("storage: history rows per proposal: " + rows);
    log.add("storage: instances of the closed proposals still waiting at " + (waiting.isEmpty() ? "nothing" : waiting));
    Map<String, Long> growth = new HashMap<>();
    after.forEach((table, bytes) -> growth.put(table, bytes - before.getOrDefault(table, 0L)));
    long grown = growth.values().stream().mapToLong(Long::longValue).sum();
    double perProposal = (grown - texts) / (double) count / 1024;
    log.add(String.format(Locale.ROOT, "storage: %d closed proposals grew the database by %,d KB, %,d bytes of texts;"
        + " per proposal by table: %s", count, grown / 1024, texts, growth.entrySet().stream()
            .filter(entry -> entry.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(8)
            .map(entry -> String.format(Locale.ROOT, "%s %.1f KB", entry.getKey(),
                entry.getValue() / (double) count / 1024))
            .collect(Collectors.joining(", "))));
    return new Figure("6. database bytes per closed proposal beyond its texts",
        String.format(Locale.ROOT, "%.0f KB", perProposal), "≤ 100 KB", perProposal <= 100);
  }

  /** A text of 1,000 characters: the content and the reply of the proposals taken through the whole procedure. */
  static final String LONG_TEXT = "建议进一步完善海岛交通基础设施，统筹安排客运航线和码头建设，方便群众出行。".repeat(30)
      .substring(0, 1000);

  /**
   * A submitted proposal through the whole procedure, each step by its demo user: accepted, assigned to 县委政法委 with
   * 县司法局 as co-agency, accepted, the co-opinion, a reply of {@link #LONG_TEXT}, signed off, a satisfied deputy, A.
   */
  static void toTheEnd(Walk walk, String id) {
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw", "sfj");
    walk.accept(id, "zfw");
    walk.coOpinion(id, "sfj");
    Map<String, Object> reply = Walk.reply("A", null);
    reply.put(DraftReply.REPLY_TEXT.name(), LONG_TEXT);
    walk.driver().complete("zfw-handler", id, DraftReply.KEY, reply);
    walk.signOff(id, "zfw", "APPROVE");
    walk.feedback(id, "SATISFIED");
    walk.evaluate(id, "A");
  }

  /** Bytes of each table of the schema with its indexes and TOAST, after a vacuum so that free space is reused. */
  private static Map<String, Long> tableBytes(JdbcClient jdbc) {
    jdbc.sql("VACUUM").update();
    Map<String, Long> bytes = new HashMap<>();
    jdbc.sql("SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'")
        .query(rs -> {
          bytes.put(rs.getString("relname"), rs.getLong("bytes"));
        });
    return bytes;
  }

  /** Executes every job that is due, as the job executor would (it is off in the benchmark's application). */
  private static void runDueJobs(ManagementService management) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep becoming due");
  }

  /**
   * Times in microseconds of {@code samples} calls, after as many (at least 20) untimed: a server answers its users
   * after it has compiled its paths, and with a tenth as many the first timed calls still ran in the interpreter
   * (the first figure's p50 was a third above the same call's a few hundred calls later).
   */
  private static List<Long> sample(int samples, Supplier<Object> call) {
    for (int i = 0; i < Math.max(20, samples); i++) {
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

  static Figure within(String name, List<Long> micros, long goalMillis) {
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
