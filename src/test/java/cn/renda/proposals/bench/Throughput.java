package cn.renda.proposals.bench;

import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures 1 and 2 of the national-scale benchmark: how many task completions a second the whole procedure takes
 * against a bare chain of as many user tasks, and how long one completion through engine-rest takes with eight
 * clients at once.
 */
final class Throughput {

  /** The bare chain: the procedure's user tasks in its order, with its candidate groups, and nothing else. */
  static final String BARE_CHAIN = "nationalScaleBareChain";

  /** Who completes each step of one lifecycle, in the order of {@link #lifecycle}: the bare chain's tasks. */
  private static final List<String[]> STEPS = List.of(
      new String[] {Groups.CONGRESS_OFFICE, "congress-clerk"},
      new String[] {Groups.GOV_OFFICE, "gov-clerk"},
      new String[] {Groups.agency("zfw"), "zfw-handler"},
      new String[] {Groups.agency("sfj"), "sfj-handler"},
      new String[] {Groups.agency("zfw"), "zfw-handler"},
      new String[] {Groups.agencyLeaders("zfw"), "zfw-leader"},
      new String[] {null, "maohongding"},
      new String[] {Groups.CONGRESS_OFFICE, "congress-clerk"});

  /** The agencies whose handlers are the eight engine-rest clients. */
  private static final List<String> CLIENTS = List.of("zfw", "sfj", "fy", "mzj", "xfj", "czj", "jyj", "wjj");

  private static final int THREADS = 4;

  /** Figure 1 measures both chains in this many rounds (an even number: each goes first in half of them). */
  private static final int ROUNDS = 4;

  /** The bare process of one user task whose candidate group is given at its start. */
  static final String BARE_TASK = "nationalScaleBareTask";

  private static final int REST_WARM_UP = 2;

  private Throughput() {}

  /**
   * Figure 1: {@code lifecycles} whole lifecycles of the procedure (submission, review, assignment to a lead and a
   * co-agency, acceptance, co-opinion, reply, sign-off, feedback, evaluation) and as many of the bare chain, each on
   * four threads; completions a second of each. Both are measured in the same rounds, a quarter of the lifecycles each,
   * the procedure first in every other round (bare, procedure; procedure, bare; …), so that both run through the same
   * drift of the machine and the engine (the JIT compiler still at work on paths both take, the database's caches
   * and statistics): measured one after the other, the bare chain gained a fifth between its first and its last
   * measurement.
   */
  static NationalScale.Figure lifecycles(ConfigurableApplicationContext app, int lifecycles, List<String> log)
      throws Exception {
    // both chains' clients find each task by its process instance, whose id they keep (the functional tests' driver
    // finds a proposal's tasks by its id, the instance's business key: a join of the execution table at every step)
    ProcessDriver driver = app.getBean(ProcessDriver.class).findingTasksByInstance();
    Walk walk = new Walk(driver);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    deployBareChain(engine);
    String session = ProcessDriver.newSession();
    Runnable procedure = () -> NationalScale.toTheEnd(walk, driver.submitSuggestion(session, "关于海岛交通的建议"));
    Runnable bare = () -> bareLifecycle(engine, driver);
    // warm, as a server in service is: measured single-threaded, the JIT compilers still took 20-28 ms of processor
    // time per lifecycle of the procedure after 120 of them (a sixth of all it took), the bare chain's 6-8 ms after
    // 200; after a short warm-up the figure measures the compilers as much as the procedure
    int warmUp = Math.max(2, lifecycles / 2);
    seconds(warmUp, bare);
    seconds(warmUp, procedure);
    // and with statistics of what the warm-up wrote, as a database in service has them (autovacuum): the seed was
    // analysed before it, when the job table held only the demo cases' few jobs, so PostgreSQL's cached plans for the
    // deadline timers' and deliveries' statements assumed an almost empty table until autovacuum came by, at some
    // moment of the rounds
    app.getBean(JdbcClient.class).sql("VACUUM (ANALYZE)").update();
    int perRound = Math.max(1, lifecycles / ROUNDS);
    double procedureSeconds = 0;
    double bareSeconds = 0;
    List<String> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      double procedureRound;
      double bareRound;
      if (round % 2 == 0) {
        bareRound = seconds(perRound, bare);
        procedureRound = seconds(perRound, procedure);
      } else {
        procedureRound = seconds(perRound, procedure);
        bareRound = seconds(perRound, bare);
      }
      procedureSeconds += procedureRound;
      bareSeconds += bareRound;
      rounds.add(String.format(Locale.ROOT, "%.2f", bareRound / procedureRound));
    }
    int completions = ROUNDS * perRound * STEPS.size();
    double full = completions / procedureSeconds;
    double bareChain = completions / bareSeconds;
    double ratio = full / bareChain;
    log.add(String.format(Locale.ROOT, "lifecycles on %d threads, %d rounds of %d of each: the procedure %.1f"
        + " completions/s, the bare chain %.1f; the rounds' ratios %s", THREADS, ROUNDS, perRound, full, bareChain,
        String.join(", ", rounds)));
    return new NationalScale.Figure("1. lifecycle throughput against a bare chain",
        String.format(Locale.ROOT, "%.2f × (%.1f completions/s)", ratio, full), "≥ 0.5 ×", ratio >= 0.5);
  }

  /**
   * Figure 2: eight agencies' handlers, each completing 签收 tasks of their own agency through engine-rest at the same
   * time, {@code samples} completions in all after a warm-up; the time of each. The same clients then complete as many
   * tasks of a bare one-task process with the same candidate groups: what the engine and the machine take anyway.
   */
  static NationalScale.Figure restCompletions(ConfigurableApplicationContext app, String base, int samples,
      List<String> log) throws Exception {
    Walk walk = app.getBean(Walk.class);
    ProcessDriver driver = walk.driver();
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    int perClient = REST_WARM_UP + Math.max(3, (samples + CLIENTS.size() - 1) / CLIENTS.size());
    String session = ProcessDriver.newSession();
    for (int i = 0; i < perClient; i++) {
      for (String agency : CLIENTS) {
        String id = driver.submitSuggestion(session, "关于第" + i + "项工作的建议");
        walk.review(id, "ACCEPT", "NORMAL");
        walk.assign(id, agency);
      }
    }
    Map<String, List<String>> procedure = new HashMap<>();
    Map<String, List<String>> bare = new HashMap<>();
    deployBareTask(engine);
    for (String agency : CLIENTS) {
      procedure.put(agency, idsOfSession(app, session, agency));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < perClient; i++) {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(BARE_TASK,
            Map.of("group", Groups.agency(agency))).getId();
        ids.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
      }
      bare.put(agency, ids);
    }
    String rest = base + "/engine-rest/engine/" + engine.getName();
    Completions ours = complete(rest, procedure, perClient,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), Map.of("value", "ACCEPT", "type", "String")));
    Completions theirs = complete(rest, bare, perClient, Map.of("answer", Map.of("value", "同意", "type", "String")));
    log.add(String.format(Locale.ROOT, "engine-rest, %d clients: %d completions of 签收 at %.1f/s, p95 %.0f ms;"
        + " of a bare one-task process at %.1f/s, p95 %.0f ms", CLIENTS.size(), ours.times().size(),
        ours.perSecond(), NationalScale.percentile(ours.times(), 95) / 1000.0, theirs.perSecond(),
        NationalScale.percentile(theirs.times(), 95) / 1000.0));
    return NationalScale.within("2. one completion through engine-rest, 8 clients, p95", ours.times(), 150);
  }

  /** Times of the completions after each client's warm-up, sorted, and completions a second over the whole run. */
  private record Completions(List<Long> times, double perSecond) {}

  private static Completions complete(String rest, Map<String, List<String>> tasksByAgency, int perClient,
      Map<String, Object> variables) throws Exception {
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(tasksByAgency.size());
    List<Callable<Void>> clients = new ArrayList<>();
    tasksByAgency.forEach((agency, taskIds) -> {
      if (taskIds.size() != perClient) {
        throw new IllegalStateException(agency + " has " + taskIds.size() + " tasks, not " + perClient);
      }
      Http http = Http.as(rest, agency + "-handler", "demo");
      clients.add(() -> {
        ready.countDown();
        ready.await();
        for (int i = 0; i < taskIds.size(); i++) {
          long start = System.nanoTime();
          Http.Answer answer = http.post("/task/" + taskIds.get(i) + "/complete", Map.of("variables", variables));
          long micros = (System.nanoTime() - start) / 1_000;
          if (answer.status() != 204) {
            throw new IllegalStateException(agency + ": " + answer.status() + " " + answer.body());
          }
          if (i >= REST_WARM_UP) {
            times.add(micros);
          }
        }
        return null;
      });
    });
    long start = System.nanoTime();
    Parallel.all(clients);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(times);
    sorted.sort(null);
    return new Completions(sorted, perClient * tasksByAgency.size() / seconds);
  }

  private static void deployBareTask(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_TASK)
        .name("基准测试：单任务裸流程")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("task").name("任务").camundaCandidateGroups("${group}")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().name("national-scale-bare-task")
        .addModelInstance(BARE_TASK + ".bpmn", model).deploy();
  }

  /** The 签收 tasks of the agency among the proposals of the session, found by the proposals' business keys. */
  private static List<String> idsOfSession(ConfigurableApplicationContext app, String session, String agency) {
    List<String> proposals = app.getBean(JdbcClient.class)
        .sql("SELECT id FROM proposal WHERE session_code = ? AND lead_agency = ?").params(session, agency)
        .query(String.class).list();
    TaskService tasks = app.getBean(TaskService.class);
    List<String> ids = new ArrayList<>();
    for (String proposal : proposals) {
      tasks.createTaskQuery().processInstanceBusinessKey(proposal).taskDefinitionKey(AcceptAssignment.KEY).list()
          .forEach(task -> ids.add(task.getId()));
    }
    return ids;
  }

  static void deployBareChain(ProcessEngine engine) {
    AbstractFlowNodeBuilder<?, ?> chain = Bpmn.createExecutableProcess(BARE_CHAIN)
        .name("基准测试：裸流程")
        .camundaHistoryTimeToLive(1)
        .startEvent();
    for (int i = 0; i < STEPS.size(); i++) {
      String group = STEPS.get(i)[0];
      var task = chain.userTask("step" + i).name("步骤" + (i + 1));
      chain = group == null ? task.camundaAssignee(STEPS.get(i)[1]) : task.camundaCandidateGroups(group);
    }
    BpmnModelInstance model = chain.endEvent().done();
    engine.getRepositoryService().createDeployment().name("national-scale-bare-chain")
        .addModelInstance(BARE_CHAIN + ".bpmn", model).deploy();
  }

  /** One instance of the bare chain, each task completed by its step's user with one answer. */
  static void bareLifecycle(ProcessEngine engine, ProcessDriver driver) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    String instance = runtime.startProcessInstanceByKey(BARE_CHAIN, UUID.randomUUID().toString()).getId();
    for (String[] step : STEPS) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      driver.complete(step[1], task, Map.of("answer", "同意"));
    }
  }

  /** Seconds that {@code count} lifecycles take on {@link #THREADS} threads. */
  private static double seconds(int count, Runnable lifecycle) throws Exception {
    long start = System.nanoTime();
    Parallel.each(THREADS, count, i -> lifecycle.run());
    return (System.nanoTime() - start) / 1e9;
  }
}
